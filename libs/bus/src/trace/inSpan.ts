import {
  type Attributes,
  type Context,
  type Span,
  SpanKind,
  SpanStatusCode,
} from '@opentelemetry/api';
import { withSpan } from '@warmline/telemetry';
import { MESSAGING_SYSTEM, MessagingAttributes } from './attributes';

/** Marks a span failed with `error`, for errors that are handled rather than rethrown. */
export const recordError = (span: Span, error: unknown): void => {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
};

/** How to open a span around a bus operation. */
export interface SpanOptions {
  readonly kind: SpanKind;
  readonly attributes?: Attributes;
  /** Parent context (from a message's headers); default: the active context. */
  readonly parent?: Context;
}

/**
 * `withSpan` from @warmline/telemetry with `messaging.system = nats`: runs `fn`
 * in an active span (so publishes inside it continue the trace), records a
 * thrown error, and always ends the span.
 */
export const inSpan = <T>(
  name: string,
  options: SpanOptions,
  fn: (span: Span) => Promise<T> | T,
): Promise<T> =>
  withSpan(
    name,
    {
      kind: options.kind,
      parent: options.parent,
      attributes: { [MessagingAttributes.system]: MESSAGING_SYSTEM, ...options.attributes },
    },
    fn,
  );

export { SpanKind };
