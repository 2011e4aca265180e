import {
  type Attributes,
  type Context,
  context,
  type Span,
  type SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { callIdAttribute, callIdOf, withCallBaggage } from './callAttributes';

/** The tracer name `withSpan` uses on the global tracer provider. */
export const TRACER_NAME = 'warmline';

/** Options for {@link withSpan}. */
export interface WithSpanOptions {
  attributes?: Attributes;
  kind?: SpanKind;
  /** The parent context, e.g. from `extractTraceContext`; the active context when omitted. */
  parent?: Context;
}

const recordFailure = (span: Span, error: unknown): void => {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
};

/**
 * Runs `fn` inside a new active span (child of `parent` or of the active span),
 * so spans and logs inside it join the trace. A throw or rejection is recorded
 * as an exception with ERROR status and rethrown; the span always ends.
 *
 * @example
 * await withSpan('stt.transcribe', { attributes: { [WarmlineAttributes.CALL_ID]: callId } }, () => run());
 */
export const withSpan = async <T>(
  name: string,
  options: WithSpanOptions,
  fn: (span: Span) => Promise<T> | T,
): Promise<T> => {
  // Looked up per call, so a later initTelemetry's provider is the one used.
  const tracer = trace.getTracer(TRACER_NAME);
  const spanOptions = { attributes: options.attributes, kind: options.kind };
  const parent = options.parent ?? context.active();
  const callId = callIdAttribute(options.attributes);
  // A span that names its call passes the call id on as baggage to what it publishes.
  return tracer.startActiveSpan(
    name,
    spanOptions,
    callId !== undefined && callIdOf(parent) !== callId ? withCallBaggage(parent, callId) : parent,
    async (span) => {
      try {
        return await fn(span);
      } catch (error) {
        recordFailure(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  );
};
