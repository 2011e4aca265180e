import { type Context, type Span, context, trace } from '@opentelemetry/api';
import { TRACER_NAME, WarmlineAttributes, withCallBaggage } from '@warmline/telemetry';

/**
 * One caller utterance's span, `stt.recognise`: from the turn's first speech frame to its
 * transcript recorded (or the turn dropped). Its parent is the trace context of the frame that
 * started the turn, so the turn's trace continues from the gateway; the turn's events are
 * appended inside it, so llm-decision continues the same trace.
 */
export class UtteranceSpan {
  private readonly span: Span;
  private readonly ctx: Context;

  constructor(callId: string, turnId: string, engine: string, parent: Context) {
    this.span = trace.getTracer(TRACER_NAME).startSpan(
      'stt.recognise',
      {
        attributes: {
          [WarmlineAttributes.CALL_ID]: callId,
          [WarmlineAttributes.STAGE]: 'stt',
          [WarmlineAttributes.TURN_ID]: turnId,
          'warmline.stt.engine': engine,
        },
      },
      parent,
    );
    // The call id rides along as baggage, so every later span of the turn carries it.
    this.ctx = withCallBaggage(trace.setSpan(parent, this.span), callId);
  }

  /** Runs `fn` with this span active (publishes inside carry its trace context). */
  within<T>(fn: () => T): T {
    return context.with(this.ctx, fn);
  }

  /** Ends the span with how the turn ended (`transcribed`, `backchannel`, `empty`, `discarded`…). */
  end(outcome: string, attributes: Record<string, string | number | boolean> = {}): void {
    this.span.setAttributes({ 'warmline.stt.outcome': outcome, ...attributes });
    this.span.end();
  }
}
