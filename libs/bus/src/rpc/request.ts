import {
  type Msg,
  type MsgHdrs,
  RequestError,
  TimeoutError,
  headers as natsHeaders,
} from '@nats-io/nats-core';
import { type Codec, decodeMessage } from '../codec/codec';
import type { Bus } from '../connection/connectBus';
import { NoRespondersError, RemoteError, RequestTimeoutError } from '../errors/requestErrors';
import { MessagingAttributes } from '../trace/attributes';
import { SpanKind, inSpan } from '../trace/inSpan';
import { injectTraceHeaders } from '../trace/traceHeaders';
import { errorFromHeaders } from './errorHeaders';

/** Options for {@link request}. */
export interface RequestOptions {
  /** How long to wait for the reply. */
  readonly timeoutMs: number;
  /** Extra headers; the trace context is added to them. */
  readonly headers?: MsgHdrs;
}

const translate = (error: unknown, subject: string, timeoutMs: number): unknown => {
  if (error instanceof RequestError && error.isNoResponders()) {
    return new NoRespondersError(subject, { cause: error });
  }
  if (error instanceof TimeoutError)
    return new RequestTimeoutError(subject, timeoutMs, { cause: error });
  return error;
};

/**
 * Sends a request and waits for one reply, inside a CLIENT span whose context
 * travels in the headers.
 *
 * @throws {@link RemoteError} the responder answered with an error
 * @throws {@link NoRespondersError} nobody serves `subject`
 * @throws {@link RequestTimeoutError} no reply within `timeoutMs` (retryable)
 * @throws {@link MalformedMessageError} the reply could not be decoded
 */
export const request = <TReq, TRes>(
  bus: Bus,
  subject: string,
  requestCodec: Codec<TReq>,
  value: TReq,
  responseCodec: Codec<TRes>,
  options: RequestOptions,
): Promise<TRes> =>
  inSpan(
    `send ${subject}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        [MessagingAttributes.destination]: subject,
        [MessagingAttributes.operationType]: 'send',
      },
    },
    async () => {
      const headers = injectTraceHeaders(options.headers ?? natsHeaders());
      let reply: Msg;
      try {
        reply = await bus.nc.request(subject, requestCodec.encode(value), {
          timeout: options.timeoutMs,
          headers,
        });
      } catch (error) {
        throw translate(error, subject, options.timeoutMs);
      }
      const remote = errorFromHeaders(reply.headers);
      if (remote) throw new RemoteError(subject, remote.code, remote.message, remote.retryable);
      return decodeMessage(responseCodec, reply.data, subject);
    },
  );
