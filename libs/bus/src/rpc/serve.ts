import { Empty, type Msg, type MsgHdrs } from '@nats-io/nats-core';
import { type Codec, decodeMessage } from '../codec/codec';
import type { Bus } from '../connection/connectBus';
import { MessagingAttributes } from '../trace/attributes';
import { SpanKind, inSpan, recordError } from '../trace/inSpan';
import { contextFromHeaders } from '../trace/traceHeaders';
import { errorToHeaders, replyErrorOf } from './errorHeaders';

/** Options for {@link serve}. */
export interface ServeOptions<TReq, TRes> {
  /** Queue group shared by all instances of the service, so each request is handled once (default `q`). */
  readonly queue?: string;
  readonly requestCodec: Codec<TReq>;
  readonly responseCodec: Codec<TRes>;
}

/** What a request handler gets besides the decoded request. */
export interface RequestContext {
  readonly subject: string;
  readonly headers: MsgHdrs | undefined;
}

/** A running responder. */
export interface Responder {
  /** Stops taking requests, then waits for the requests in progress to be answered. */
  stop(): Promise<void>;
}

/**
 * A request handler. Its result is the reply; what it throws becomes reply
 * headers: the error's `code` (or 500, or 400 for an undecodable request), its
 * message, and its `retryable` flag, which the caller receives as a `RemoteError`.
 */
export type RequestHandler<TReq, TRes> = (
  request: TReq,
  ctx: RequestContext,
) => Promise<TRes> | TRes;

/**
 * Answers requests on `subject` with `handler`, each inside a SERVER span that
 * continues the caller's trace. Requests are handled concurrently.
 */
export const serve = <TReq, TRes>(
  bus: Bus,
  subject: string,
  options: ServeOptions<TReq, TRes>,
  handler: RequestHandler<TReq, TRes>,
): Responder => {
  const inFlight = new Set<Promise<void>>();
  const answer = (msg: Msg) =>
    inSpan(
      `process ${subject}`,
      {
        kind: SpanKind.SERVER,
        parent: contextFromHeaders(msg.headers),
        attributes: {
          [MessagingAttributes.destination]: subject,
          [MessagingAttributes.operationType]: 'process',
        },
      },
      async (span) => {
        try {
          const value = decodeMessage(options.requestCodec, msg.data, msg.subject);
          const result = await handler(value, { subject: msg.subject, headers: msg.headers });
          msg.respond(options.responseCodec.encode(result));
        } catch (error) {
          recordError(span, error);
          msg.respond(Empty, { headers: errorToHeaders(replyErrorOf(error)) });
        }
      },
    );

  const sub = bus.nc.subscribe(subject, {
    queue: options.queue ?? 'q',
    callback: (error, msg) => {
      if (error) return; // the subscription is closed; stop() still resolves
      const task = answer(msg).catch(() => undefined); // respond() fails only once the connection is gone
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
    },
  });

  return {
    stop: async () => {
      if (!sub.isClosed()) await sub.drain();
      await Promise.all(inFlight);
    },
  };
};
