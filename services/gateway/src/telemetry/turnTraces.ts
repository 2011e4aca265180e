import { type Context, ROOT_CONTEXT, type Span, context, trace } from '@opentelemetry/api';
import type { AudioFrame } from '@warmline/contracts';
import {
  type HopRecorder,
  TRACER_NAME,
  WarmlineAttributes,
  withCallBaggage,
} from '@warmline/telemetry';

interface CallTraces {
  /** The caller's turn in progress: root of the trace its frames carry to stt. */
  callerTurn?: { readonly span: Span; readonly ctx: Context };
  /** The agent utterance last received from tts, and its span until its last frame. */
  playing?: { readonly utteranceId: string; span: Span | undefined };
}

const attributes = (callId: string) => ({
  [WarmlineAttributes.CALL_ID]: callId,
  [WarmlineAttributes.STAGE]: 'gateway',
});

/**
 * One trace per call turn, as the gateway sees it. A caller turn's trace starts here:
 * `gateway.caller-turn` (a root span) opens with the first caller frame after the agent began
 * an utterance (or after the call started), and every caller frame published meanwhile carries
 * its context, so stt's `stt.recognise` — and after it llm-decision and tts — continue it. The
 * reply comes back as tts frames carrying the tts span's context: its first frame opens
 * `gateway.play` (child of it, same trace) until the utterance's last frame, and closes the
 * caller turn, so the caller's next words start a new trace. Two caller turns without an agent
 * utterance between them share one trace.
 */
export class TurnTraces {
  private readonly calls = new Map<string, CallTraces>();

  constructor(
    private readonly hop: HopRecorder,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts following a call (its agent audio is subscribed). */
  open(callId: string): void {
    if (!this.calls.has(callId)) this.calls.set(callId, {});
  }

  /** Stops following a call, ending its open spans. */
  close(callId: string): void {
    const call = this.calls.get(callId);
    call?.callerTurn?.span.end();
    call?.playing?.span?.end();
    this.calls.delete(callId);
  }

  /** Runs `publish` for a caller frame inside the call's caller-turn span (opened if needed). */
  callerFrame<T>(callId: string, publish: () => T): T {
    const call = this.calls.get(callId);
    if (!call) return publish();
    if (!call.callerTurn) {
      const span = trace
        .getTracer(TRACER_NAME)
        .startSpan('gateway.caller-turn', { attributes: attributes(callId) }, ROOT_CONTEXT);
      call.callerTurn = { span, ctx: withCallBaggage(trace.setSpan(ROOT_CONTEXT, span), callId) };
    }
    return context.with(call.callerTurn.ctx, publish);
  }

  /** An agent frame from tts, with the trace context its message carried. */
  agentFrame(frame: AudioFrame, parent: Context): void {
    const call = this.calls.get(frame.callId);
    if (!call) return;
    if (call.playing?.utteranceId !== frame.utteranceId) {
      call.playing?.span?.end();
      const span = trace.getTracer(TRACER_NAME).startSpan(
        'gateway.play',
        {
          attributes: {
            ...attributes(frame.callId),
            [WarmlineAttributes.UTTERANCE_ID]: frame.utteranceId,
          },
        },
        parent,
      );
      call.playing = { utteranceId: frame.utteranceId, span };
      this.hop('tts', 'gateway', Number(frame.ingressAtMs), this.now());
      call.callerTurn?.span.end();
      call.callerTurn = undefined;
    }
    if (frame.endOfUtterance) {
      call.playing.span?.end();
      call.playing.span = undefined;
    }
  }
}
