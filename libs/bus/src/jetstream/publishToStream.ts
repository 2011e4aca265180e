import { type MsgHdrs, TimeoutError, headers as natsHeaders } from '@nats-io/nats-core';
import type { Codec } from '../codec/codec';
import type { Bus } from '../connection/connectBus';
import { RequestTimeoutError } from '../errors/requestErrors';
import { ConcurrencyError, PublishRejectedError } from '../errors/storeErrors';
import { MessagingAttributes } from '../trace/attributes';
import { SpanKind, inSpan } from '../trace/inSpan';
import { injectTraceHeaders } from '../trace/traceHeaders';
import { JsErrorCodes, actualSequenceOf, jsErrorCode } from './jsErrorCodes';

/** Options for {@link publishToStream}. */
export interface StreamPublishOptions {
  /** `Nats-Msg-Id`: an event or command id; a repeat inside the duplicate window is dropped. */
  readonly msgId: string;
  /** `Nats-Expected-Last-Subject-Sequence`: store only if the subject's last sequence is this (0: empty). */
  readonly expectedLastSubjectSequence?: number;
  readonly headers?: MsgHdrs;
  /** PubAck timeout (default: the bus's). */
  readonly timeoutMs?: number;
}

/** What JetStream answered. */
export interface StreamPublishAck {
  readonly stream: string;
  /** Stream sequence of the message (of the original, for a duplicate). */
  readonly seq: number;
  /** True when a message with the same id was already stored and this one was dropped. */
  readonly duplicate: boolean;
}

const translate = (
  error: unknown,
  subject: string,
  options: StreamPublishOptions,
  timeoutMs: number,
): unknown => {
  const code = jsErrorCode(error);
  if (
    code === JsErrorCodes.wrongLastSequence &&
    options.expectedLastSubjectSequence !== undefined
  ) {
    const actual = actualSequenceOf((error as Error).message);
    return new ConcurrencyError(subject, options.expectedLastSubjectSequence, actual, {
      cause: error,
    });
  }
  if (error instanceof TimeoutError) {
    return new RequestTimeoutError(subject, timeoutMs, { cause: error });
  }
  if (error instanceof Error && error.name === 'JetStreamNotEnabled') {
    // nats.js reports "no stream captures this subject" as JetStream not enabled
    return new PublishRejectedError(subject, undefined, 'no stream captures the subject', true, {
      cause: error,
    });
  }
  if (code !== undefined) {
    return new PublishRejectedError(subject, code, (error as Error).message, false, {
      cause: error,
    });
  }
  return error;
};

/**
 * Publishes to a JetStream stream and waits for the PubAck, inside a PRODUCER
 * span whose context travels in the headers. At least once: retrying with the
 * same `msgId` is safe inside the stream's duplicate window.
 *
 * @throws {@link ConcurrencyError} the expected subject sequence did not match
 * @throws {@link RequestTimeoutError} no PubAck in time (the message may be stored; retry with the same id)
 * @throws {@link PublishRejectedError} any other refusal
 */
export const publishToStream = <T>(
  bus: Bus,
  subject: string,
  codec: Codec<T>,
  value: T,
  options: StreamPublishOptions,
): Promise<StreamPublishAck> =>
  inSpan(
    `publish ${subject}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        [MessagingAttributes.destination]: subject,
        [MessagingAttributes.operationType]: 'send',
        [MessagingAttributes.messageId]: options.msgId,
      },
    },
    async () => {
      try {
        const ack = await bus.js.publish(subject, codec.encode(value), {
          msgID: options.msgId,
          headers: injectTraceHeaders(options.headers ?? natsHeaders()),
          timeout: options.timeoutMs ?? bus.timeoutMs,
          ...(options.expectedLastSubjectSequence === undefined
            ? {}
            : { expect: { lastSubjectSequence: options.expectedLastSubjectSequence } }),
        });
        return { stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate };
      } catch (error) {
        throw translate(error, subject, options, options.timeoutMs ?? bus.timeoutMs);
      }
    },
  );
