import { AckPolicy, DeliverPolicy, type JsMsg } from '@nats-io/jetstream';
import { SpanKind } from '@opentelemetry/api';
import {
  type Bus,
  backoffDelayMs,
  contextFromHeaders,
  DEFAULT_BACKOFF_MS,
  type Disposition,
  decodeMessage,
  isMalformedMessageError,
  isRetryable,
  MessagingAttributes,
  protoCodec,
} from '@warmline/bus';
import { SpeakRequest } from '@warmline/contracts';
import { withSpan } from '@warmline/telemetry';
import { Slots } from './slots';

/** What a handler gets besides the request. */
export interface DeliveryContext {
  readonly subject: string;
  readonly streamSequence: number;
  /** 1 on the first delivery. */
  readonly deliveryCount: number;
}

/** A handler's decision, and what to do once JetStream has it. */
export interface HandlerResult {
  readonly disposition: Disposition;
  /** Runs after the ack/nak/term was sent (after the ack was confirmed). */
  readonly settled?: () => void;
}

/** Options of {@link startSpeakConsumer}. Durations in ms. */
export interface SpeakConsumerOptions {
  readonly stream: string;
  /** Shared by every replica: they split the requests. */
  readonly durable: string;
  readonly filterSubject: string;
  /** Requests this replica holds at once (each waiting for or being spoken). */
  readonly maxInFlight: number;
  readonly ackWaitMs: number;
  /** A safety net above the handler's own retry bound. */
  readonly maxDeliver: number;
  readonly handler: (request: SpeakRequest, ctx: DeliveryContext) => Promise<HandlerResult>;
  /** A request that could not be decoded (it is terminated). */
  readonly onMalformed: (error: unknown) => void;
  /** A pull that failed, or a handler that threw (the request is nak-ed or terminated). */
  readonly onError: (error: unknown) => void;
}

/** A running consumer. */
export interface SpeakConsumer {
  /** Stops pulling and waits for the requests in hand to be settled. */
  stop(): Promise<void>;
}

const codec = protoCodec(SpeakRequest);
const PULL_EXPIRES_MS = 5_000;
const RETRY_PULL_MS = 1_000;

const ensureConsumer = async (bus: Bus, options: SpeakConsumerOptions): Promise<void> => {
  const config = {
    filter_subject: options.filterSubject,
    ack_wait: options.ackWaitMs * 1_000_000,
    max_deliver: options.maxDeliver,
  };
  try {
    await bus.jsm.consumers.add(options.stream, {
      ...config,
      durable_name: options.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
    });
  } catch (error) {
    // it exists with other settings (another version of the service created it)
    await bus.jsm.consumers.update(options.stream, options.durable, config).catch(() => {
      throw error;
    });
  }
};

const settle = async (msg: JsMsg, disposition: Disposition): Promise<void> => {
  if (disposition === 'ack')
    await msg.ackAck().catch(() => false); // lost: redelivered, handled again
  else if (disposition === 'term') msg.term();
  else msg.nak(disposition.nak);
};

/**
 * Consumes speech requests from the work queue through a durable pull consumer
 * shared by every replica. Unlike a one-at-a-time loop, it holds up to
 * `maxInFlight` requests at once, since one request lasts as long as its
 * utterance plays; and it pulls a request only when a slot is free (no
 * prefetch), so a request never waits in a busy replica while another is idle.
 * Each request is processed inside a CONSUMER span continuing the producer's
 * trace; an undecodable request is terminated; the ack is sent only when the
 * handler is done (the utterance fully published or cancelled).
 */
export const startSpeakConsumer = async (
  bus: Bus,
  options: SpeakConsumerOptions,
): Promise<SpeakConsumer> => {
  await ensureConsumer(bus, options);
  const consumer = await bus.js.consumers.get(options.stream, options.durable);
  const slots = new Slots(options.maxInFlight);
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  let wake: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (wake = resolve));

  const handle = (msg: JsMsg): Promise<void> => {
    const ctx = {
      subject: msg.subject,
      streamSequence: msg.seq,
      deliveryCount: msg.info.deliveryCount,
    };
    const attributes = {
      [MessagingAttributes.system]: 'nats',
      [MessagingAttributes.destination]: msg.subject,
      [MessagingAttributes.operationType]: 'process',
      [MessagingAttributes.consumerGroup]: options.durable,
      [MessagingAttributes.stream]: options.stream,
      [MessagingAttributes.streamSequence]: msg.seq,
      [MessagingAttributes.deliveryCount]: ctx.deliveryCount,
    };
    const parent = contextFromHeaders(msg.headers);
    return withSpan(
      `process ${options.durable}`,
      { kind: SpanKind.CONSUMER, parent, attributes },
      async (span) => {
        const working = setInterval(() => msg.working(), Math.max(options.ackWaitMs / 3, 100));
        let result: HandlerResult;
        try {
          result = await options.handler(decodeMessage(codec, msg.data, msg.subject, msg.seq), ctx);
        } catch (error) {
          span.recordException(error instanceof Error ? error : String(error));
          if (isMalformedMessageError(error)) options.onMalformed(error);
          else options.onError(error);
          const give = isMalformedMessageError(error) || !isRetryable(error);
          result = {
            disposition: give
              ? 'term'
              : { nak: backoffDelayMs(DEFAULT_BACKOFF_MS, ctx.deliveryCount) },
          };
        } finally {
          clearInterval(working);
        }
        const { disposition } = result;
        span.setAttribute(
          'warmline.bus.settlement',
          typeof disposition === 'string' ? disposition : 'nak',
        );
        await settle(msg, disposition);
        result.settled?.();
      },
    );
  };

  const pullOne = async (): Promise<JsMsg | null> => {
    const pending = consumer.next({ expires: PULL_EXPIRES_MS });
    const first = await Promise.race([pending, stopped.then(() => 'stopped' as const)]);
    if (first !== 'stopped') return first;
    void pending.then(
      (late) => late?.nak(),
      () => undefined,
    ); // arrived after stop: hand it back
    return null;
  };

  const loop = (async () => {
    while (!stopping) {
      await slots.acquire();
      if (stopping) {
        slots.release();
        break;
      }
      let msg: JsMsg | null = null;
      try {
        msg = await pullOne();
      } catch (error) {
        if (!stopping) options.onError(error);
        await Promise.race([new Promise((r) => setTimeout(r, RETRY_PULL_MS)), stopped]);
      }
      if (!msg) {
        slots.release();
        continue;
      }
      const task = handle(msg)
        .catch(options.onError)
        .finally(() => {
          inFlight.delete(task);
          slots.release();
        });
      inFlight.add(task);
    }
  })();

  return {
    stop: async () => {
      stopping = true;
      wake();
      await loop;
      await Promise.allSettled([...inFlight]);
    },
  };
};
