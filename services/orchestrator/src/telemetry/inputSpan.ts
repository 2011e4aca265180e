import { WarmlineAttributes, withSpan } from '@warmline/telemetry';

/** The attribute naming the kind of input a span processed. */
export const INPUT_KIND_ATTRIBUTE = 'warmline.orchestrator.input';

/** Sets attributes on the span of the input being processed. */
export type SpanAttributeSetter = (name: string, value: string) => void;

/**
 * Runs the processing of one input for one call in its own span (`orchestrator <workflow>
 * <kind>`), carrying the call id and, once known, the saga status (`warmline.saga.status`).
 */
export const inInputSpan = <T>(
  workflow: 'saga' | 'session',
  callId: string,
  kind: string,
  fn: (setAttribute: SpanAttributeSetter) => Promise<T>,
): Promise<T> =>
  withSpan(
    `orchestrator ${workflow} ${kind}`,
    { attributes: { [WarmlineAttributes.CALL_ID]: callId, [INPUT_KIND_ATTRIBUTE]: kind } },
    (span) => fn((name, value) => span.setAttribute(name, value)),
  );
