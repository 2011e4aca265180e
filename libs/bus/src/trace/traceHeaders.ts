import { type MsgHdrs, headers as natsHeaders } from '@nats-io/nats-core';
import type { Context } from '@opentelemetry/api';
import { extractTraceContext, injectTraceContext } from '@warmline/telemetry';

/**
 * Writes the W3C trace context (`traceparent`, `tracestate`, baggage) of `ctx`
 * (default: the active context) into NATS headers, creating them if needed.
 * Writes nothing when there is no span or telemetry is not initialised.
 */
export const injectTraceHeaders = (headers: MsgHdrs = natsHeaders(), ctx?: Context): MsgHdrs => {
  injectTraceContext((key, value) => headers.set(key, value), ctx);
  return headers;
};

/**
 * The trace context a message carries, to parent the span that processes it.
 * Without headers (or `traceparent`) this is the root context, so a message
 * never inherits whatever span happens to be active in the receiver.
 */
export const contextFromHeaders = (headers: MsgHdrs | undefined): Context =>
  extractTraceContext((key) => (headers?.has(key) ? headers.get(key) : undefined));
