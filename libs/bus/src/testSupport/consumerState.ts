import type { ConsumerInfo } from '@nats-io/jetstream';
import { waitFor } from '@warmline/testing';
import type { Bus } from '../connection/connectBus';

/** Waits until the durable has no message pending or awaiting ack, and returns its info. */
export const settledConsumer = (bus: Bus, stream: string, durable: string): Promise<ConsumerInfo> =>
  waitFor(
    async () => {
      const info = await bus.jsm.consumers.info(stream, durable);
      return info.num_pending === 0 && info.num_ack_pending === 0 ? info : undefined;
    },
    { describe: () => `${durable} to settle` },
  );

/** A promise with its resolve function, for handlers a test holds and releases. */
export const gate = <T = void>() => {
  let open: (value: T) => void = () => undefined;
  const opened = new Promise<T>((resolve) => (open = resolve));
  return { open, opened };
};
