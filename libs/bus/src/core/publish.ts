import { type MsgHdrs, headers as natsHeaders } from '@nats-io/nats-core';
import type { Codec } from '../codec/codec';
import type { Bus } from '../connection/connectBus';
import { injectTraceHeaders } from '../trace/traceHeaders';

/** Options for a core NATS publish. */
export interface PublishOptions {
  /** Extra headers; the active trace context is added to them. */
  readonly headers?: MsgHdrs;
}

/**
 * Publishes one message on core NATS: at most once, no acknowledgement, the
 * lowest latency (media frames, partial transcripts, cancel signals). Carries the
 * active trace context when there is one; adds no span, because a 20 ms frame
 * stream would drown the trace.
 */
export const publish = <T>(
  bus: Bus,
  subject: string,
  codec: Codec<T>,
  value: T,
  options: PublishOptions = {},
): void => {
  const headers = injectTraceHeaders(options.headers ?? natsHeaders());
  const hasHeaders = headers.keys().length > 0;
  bus.nc.publish(subject, codec.encode(value), hasHeaders ? { headers } : undefined);
};
