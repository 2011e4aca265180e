import type { JsMsg } from '@nats-io/jetstream';
import type { MsgHdrs } from '@nats-io/nats-core';
import { type Codec, decodeMessage } from '../codec/codec';
import type { Bus } from '../connection/connectBus';
import { MessagingAttributes } from '../trace/attributes';
import { SpanKind, inSpan, recordError } from '../trace/inSpan';
import { contextFromHeaders } from '../trace/traceHeaders';
import { ensureDurable } from './ensureDurable';
import { type MessageLoop, runMessageLoop } from './messageLoop';
import {
  DEFAULT_BACKOFF_MS,
  type Disposition,
  type Settlement,
  settlementForError,
  settlementForResult,
} from './settlement';

/** What a consumer handler gets besides the decoded message. */
export interface ConsumeContext {
  readonly subject: string;
  readonly headers: MsgHdrs | undefined;
  readonly streamSequence: number;
  /** 1 on the first delivery, then 2, 3, ... */
  readonly deliveryCount: number;
}

/**
 * Handles one message: an `async` function resolving to `'ack'`, `'term'` or
 * `{ nak: delayMs }`, or throwing: an error with `retryable: false` terminates the
 * message, anything else is retried after the backoff delay for its delivery count.
 * (Only `Promise<Disposition>`, not `| Disposition`: TypeScript widens `'ack'` to
 * `string` in an async function whose expected return type is `X | Promise<X>`.)
 */
export type ConsumeHandler<T> = (value: T, ctx: ConsumeContext) => Promise<Disposition>;

/** Options for {@link consume}. Durations in ms. */
export interface ConsumeOptions<T> {
  readonly stream: string;
  /** Durable name shared by all instances of the service: they split the messages. */
  readonly durable: string;
  readonly filterSubjects: readonly string[];
  readonly codec: Codec<T>;
  readonly handler: ConsumeHandler<T>;
  /** Redelivery after this long without ack (default 30 000); extended while the handler runs. */
  readonly ackWaitMs?: number;
  /** Maximum deliveries per message (default 10; -1 for no limit). */
  readonly maxDeliver?: number;
  /** Delays for retries after a thrown error, by delivery count (default 1 s, 5 s, 15 s, 30 s, 60 s). */
  readonly backoffMs?: readonly number[];
  /**
   * Messages pulled ahead of the handler (default 1). Their ack wait runs while they
   * wait, and other instances cannot take them, so keep it small for slow handlers.
   */
  readonly prefetch?: number;
}

/** A running consumer. */
export interface ConsumerHandle {
  /** Lets the message in progress finish and be settled, releases prefetched ones, and stops. */
  stop(): Promise<void>;
  /** Resolves when the consumer stopped (stop() or a closed connection). */
  readonly closed: Promise<void>;
}

const settle = async (msg: JsMsg, settlement: Settlement): Promise<void> => {
  switch (settlement.kind) {
    case 'ack':
      await msg.ackAck().catch(() => false); // lost ack: JetStream redelivers, handlers are idempotent
      return;
    case 'term':
      msg.term(settlement.reason);
      return;
    case 'nak':
      msg.nak(settlement.delayMs);
      return;
  }
};

/**
 * Consumes a stream through a durable pull consumer with explicit acks (created
 * or updated as needed). Messages are handled one at a time, each inside a
 * CONSUMER span that continues the producer's trace. Undecodable messages are
 * terminated, never retried in a loop.
 */
export const consume = async <T>(bus: Bus, options: ConsumeOptions<T>): Promise<ConsumerHandle> => {
  const ackWaitMs = options.ackWaitMs ?? 30_000;
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  await ensureDurable(bus, { ...options, ackWaitMs, maxDeliver: options.maxDeliver ?? 10 });
  const consumer = await bus.js.consumers.get(options.stream, options.durable);
  const messages = await consumer.consume({ max_messages: options.prefetch ?? 1 });

  const handle = (msg: JsMsg): Promise<Settlement> => {
    const ctx: ConsumeContext = {
      subject: msg.subject,
      headers: msg.headers,
      streamSequence: msg.seq,
      deliveryCount: msg.info.deliveryCount,
    };
    const attributes = {
      [MessagingAttributes.destination]: msg.subject,
      [MessagingAttributes.operationType]: 'process',
      [MessagingAttributes.consumerGroup]: options.durable,
      [MessagingAttributes.stream]: options.stream,
      [MessagingAttributes.streamSequence]: msg.seq,
      [MessagingAttributes.deliveryCount]: ctx.deliveryCount,
    };
    const parent = contextFromHeaders(msg.headers);
    return inSpan(
      `process ${options.durable}`,
      { kind: SpanKind.CONSUMER, parent, attributes },
      async (span) => {
        const working = setInterval(() => msg.working(), Math.max(ackWaitMs / 2, 100));
        try {
          const value = decodeMessage(options.codec, msg.data, msg.subject, msg.seq);
          const settlement = settlementForResult(await options.handler(value, ctx));
          span.setAttribute('warmline.bus.settlement', settlement.kind);
          return settlement;
        } catch (error) {
          recordError(span, error);
          const settlement = settlementForError(error, ctx.deliveryCount, backoffMs);
          span.setAttribute('warmline.bus.settlement', settlement.kind);
          return settlement;
        } finally {
          clearInterval(working);
        }
      },
    );
  };

  const loop: MessageLoop = runMessageLoop(
    messages,
    async (msg) => settle(msg, await handle(msg)),
    (msg) => msg.nak(), // prefetched but not started: give it to another instance now
  );
  return { stop: () => loop.stop(), closed: loop.closed };
};
