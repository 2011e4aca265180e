import { isSpanContextValid, trace } from '@opentelemetry/api';

/** Log fields that tie a line to its trace. */
export interface SpanFields {
  trace_id?: string;
  span_id?: string;
}

/**
 * `trace_id` and `span_id` of the active span, or no fields outside a span.
 * Always a new object: pino merges the line's fields into it.
 */
export const activeSpanFields = (): SpanFields => {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
};
