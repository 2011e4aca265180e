import {
  AckPolicy,
  type ConsumerInfo,
  type ConsumerUpdateConfig,
  DeliverPolicy,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import type { Bus } from '../connection/connectBus';
import { JsErrorCodes, jsErrorCode } from './jsErrorCodes';

/** The settings of a durable, explicit-ack pull consumer. Durations in ms. */
export interface DurableSettings {
  readonly stream: string;
  readonly durable: string;
  readonly filterSubjects: readonly string[];
  readonly ackWaitMs: number;
  /** Deliveries before JetStream gives up and emits a MAX_DELIVERIES advisory; -1 for no limit. */
  readonly maxDeliver: number;
}

/**
 * Creates the durable consumer, or updates it when it exists with other settings,
 * so every instance of a service can call this at start. The consumer has no
 * `backoff` list: the server would then use its first entry as the ack wait and
 * redeliver slow handlers' messages; retry delays are explicit `nak(delay)`s.
 */
export const ensureDurable = async (bus: Bus, settings: DurableSettings): Promise<ConsumerInfo> => {
  const updatable: Partial<ConsumerUpdateConfig> = {
    filter_subjects: [...settings.filterSubjects],
    ack_wait: nanos(settings.ackWaitMs),
    max_deliver: settings.maxDeliver,
  };
  try {
    return await bus.jsm.consumers.add(settings.stream, {
      ...updatable,
      durable_name: settings.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
    });
  } catch (error) {
    if (jsErrorCode(error) !== JsErrorCodes.consumerAlreadyExists) throw error;
    return bus.jsm.consumers.update(settings.stream, settings.durable, updatable);
  }
};
