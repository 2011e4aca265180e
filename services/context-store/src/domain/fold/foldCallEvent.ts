import {
  agentModeToJSON,
  callHandlerToJSON,
  type CallEvent,
  terminationReasonToJSON,
  transportToJSON,
} from '@warmline/contracts';
import type { CalleeLeg, CallFacts, ContextDoc } from '../contextDoc';
import { assertNever } from '../contextErrors';
import { addTimeline, type FoldContext } from './foldContext';

const withCall = (doc: ContextDoc, call: Partial<CallFacts>): ContextDoc => ({
  ...doc,
  call: { ...doc.call, ...call },
});

/** The callee leg after `change`; a leg first seen mid-way starts as requested now. */
const withLeg = (doc: ContextDoc, ctx: FoldContext, change: Partial<CalleeLeg>): ContextDoc => {
  const leg: CalleeLeg = doc.call.connect ?? {
    status: 'requested',
    calleeLegId: '',
    requestedAt: ctx.at,
    handoffData: {},
  };
  return withCall(doc, { connect: { ...leg, ...change } });
};

/**
 * Folds one call aggregate event: caller and callee, state, the callee leg (with the handoff
 * data it carried) and timeline lines. DTMF digits are never stored: callers key in card numbers.
 */
export const foldCallEvent = (doc: ContextDoc, event: CallEvent, ctx: FoldContext): ContextDoc => {
  const payload = event.payload;
  if (!payload) return doc;
  const line = (d: ContextDoc, kind: string, detail?: string) =>
    addTimeline(d, ctx, 'call', kind, detail);
  switch (payload.$case) {
    case 'started': {
      const v = payload.value;
      const started = withCall(doc, {
        callerNumber: v.callerNumber,
        calleeNumber: v.calleeNumber,
        connectorId: v.connectorId,
        transport: transportToJSON(v.transport),
        handler: callHandlerToJSON(v.handler),
        state: doc.call.state === 'CALL_STATE_UNSPECIFIED' ? 'CALL_STATE_PENDING' : doc.call.state,
        startedAt: ctx.at,
      });
      return line(started, 'call.started', transportToJSON(v.transport));
    }
    case 'answerRequested':
      return doc;
    case 'answered':
      return line(
        withCall(doc, { state: 'CALL_STATE_ANSWERED', answeredAt: ctx.at }),
        'call.answered',
      );
    case 'answerFailed':
      return line(doc, 'call.answer-failed', payload.value.errorCode);
    case 'connectRequested': {
      const v = payload.value;
      const leg: CalleeLeg = {
        status: 'requested',
        calleeLegId: v.calleeLegId,
        requestedAt: ctx.at,
        handoffData: { ...v.handoffData },
      };
      return line(
        withCall(doc, { connect: leg }),
        'call.connect-requested',
        `ring ${v.ringTimeSeconds} s`,
      );
    }
    case 'connectRinging':
      return line(withLeg(doc, ctx, { status: 'ringing', ringingAt: ctx.at }), 'call.ringing');
    case 'connected': {
      const leg = withLeg(doc, ctx, { status: 'connected', connectedAt: ctx.at });
      return line(withCall(leg, { state: 'CALL_STATE_CONNECTED' }), 'call.connected');
    }
    case 'connectFailed': {
      const { errorCode } = payload.value;
      return line(
        withLeg(doc, ctx, { status: 'failed', errorCode }),
        'call.connect-failed',
        errorCode,
      );
    }
    case 'agentModeChanged': {
      const mode = agentModeToJSON(payload.value.mode);
      return line(withCall(doc, { agentMode: mode }), 'call.agent-mode', mode);
    }
    case 'terminated': {
      const reason = terminationReasonToJSON(payload.value.reason);
      const ended = withCall(doc, {
        state: 'CALL_STATE_DISCONNECTED',
        endedAt: ctx.at,
        terminationReason: reason,
      });
      return line(ended, 'call.terminated', reason);
    }
    case 'bridgeEnded':
      return line(doc, 'call.bridge-ended', terminationReasonToJSON(payload.value.reason));
    case 'dtmfReceived':
      return line(doc, 'call.dtmf');
    default:
      return assertNever(payload);
  }
};
