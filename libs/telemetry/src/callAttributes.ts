import { type Attributes, type Context, propagation } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { STAGES, type Stage, WarmlineAttributes } from './attributes';

/**
 * The call id travels as W3C baggage entry `warmline.call.id` next to `traceparent`, so
 * spans opened by shared code (bus publish/consume, RPC) in any stage can carry it too.
 */
export const withCallBaggage = (ctx: Context, callId: string): Context => {
  const baggage = propagation.getBaggage(ctx) ?? propagation.createBaggage();
  return propagation.setBaggage(
    ctx,
    baggage.setEntry(WarmlineAttributes.CALL_ID, { value: callId }),
  );
};

/** The call id a context carries in its baggage, if any. */
export const callIdOf = (ctx: Context): string | undefined =>
  propagation.getBaggage(ctx)?.getEntry(WarmlineAttributes.CALL_ID)?.value;

/** The call id among span attributes, when it is a non-empty string. */
export const callIdAttribute = (attributes: Attributes | undefined): string | undefined => {
  const value = attributes?.[WarmlineAttributes.CALL_ID];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** The stage a service's spans belong to: its name when it is one of the {@link STAGES}. */
export const stageOf = (serviceName: string): Stage | undefined =>
  (STAGES as readonly string[]).includes(serviceName) ? (serviceName as Stage) : undefined;

/**
 * Gives every span of the process `warmline.stage` (the service's stage) and, when the
 * parent context's baggage names a call, `warmline.call.id`, unless the span set them itself.
 */
export class CallAttributesSpanProcessor implements SpanProcessor {
  constructor(private readonly stage: Stage | undefined) {}

  onStart(span: Span, parentContext: Context): void {
    const own = span.attributes;
    if (this.stage !== undefined && own[WarmlineAttributes.STAGE] === undefined) {
      span.setAttribute(WarmlineAttributes.STAGE, this.stage);
    }
    const callId = callIdOf(parentContext);
    if (callId !== undefined && own[WarmlineAttributes.CALL_ID] === undefined) {
      span.setAttribute(WarmlineAttributes.CALL_ID, callId);
    }
  }

  onEnd(_span: ReadableSpan): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
