import { CallState, type GatewaySignal, TerminationReason } from '@warmline/contracts';
import { assertNever } from '../assertNever';
import type { StartedCall } from '../callAggregate';
import { type CallDecision, accept } from '../callDecision';
import { newCallEvent } from '../callEventFactory';
import type { DecideContext } from '../decideContext';
import { terminateCall } from '../endCall';
import { checkInputIdentity } from '../inputIdentity';
import { rejectInvalid } from '../rejections';
import { decideAfterAgentLeft } from './decideAfterAgentLeft';
import { decideCalleeAnswered, decideCalleeFailed, decideCalleeRinging } from './decideCalleeLeg';
import { decidePartyHungUp } from './decidePartyHungUp';

const dtmfDigit = /^[0-9*#A-D]$/;

/**
 * A fact the gateway observed. Facts are not refused for the state they arrive in
 * (they already happened), except on a DISCONNECTED call, where only the bridge left
 * behind by AGENT_LEFT still has facts to report. A repeated signal id changes nothing.
 */
export function decideSignal(
  call: StartedCall,
  signal: GatewaySignal,
  ctx: DecideContext,
): CallDecision {
  const identity = { idName: 'signalId', id: signal.signalId, callId: signal.callId };
  const early = checkInputIdentity(call, identity);
  if (early) return early;
  const payload = signal.payload;
  if (!payload) return rejectInvalid(call, 'gateway signal has no payload');
  const cause = { causationId: signal.signalId, correlationId: call.callId };
  if (call.state === CallState.CALL_STATE_DISCONNECTED) {
    return decideAfterAgentLeft(call, payload, cause, ctx);
  }

  switch (payload.$case) {
    case 'calleeRinging':
      return decideCalleeRinging(call, payload.value, cause, ctx);
    case 'calleeAnswered':
      return decideCalleeAnswered(call, payload.value, cause, ctx);
    case 'calleeFailed':
      return decideCalleeFailed(call, payload.value, cause, ctx);
    case 'partyHungUp':
      return decidePartyHungUp(call, payload.value, cause, ctx);
    case 'mediaLost':
      return terminateCall(
        call,
        TerminationReason.TERMINATION_REASON_MEDIA_LOST,
        payload.value.detail,
        cause,
        ctx,
      );
    case 'dtmf': {
      const { digit, durationMs } = payload.value;
      if (!dtmfDigit.test(digit)) return rejectInvalid(call, `not a DTMF digit: "${digit}"`);
      const received = newCallEvent(ctx, call.callId, cause, {
        $case: 'dtmfReceived',
        value: { digit, durationMs },
      });
      return accept([received]);
    }
    default:
      return assertNever(payload);
  }
}
