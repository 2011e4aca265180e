import type { CalleeAnswered, CalleeFailed, CalleeRinging } from '@warmline/contracts';
import { CallState } from '@warmline/contracts';
import type { StartedCall } from '../callAggregate';
import { type CallDecision, type CallInstruction, accept, ignore } from '../callDecision';
import { type EventCause, newCallEvent } from '../callEventFactory';
import type { DecideContext } from '../decideContext';
import { instruct } from '../instructions';

/** The code a CallConnectFailed carries when the gateway reported none. */
export const UNKNOWN_CONNECT_FAILURE = 'CALLEE_UNREACHABLE';

function isRinging(call: StartedCall, calleeLegId: string): boolean {
  return call.pendingConnect?.calleeLegId === calleeLegId;
}

/** The callee's phone rings (dial progress): CallConnectRinging, once per leg. */
export function decideCalleeRinging(
  call: StartedCall,
  fact: CalleeRinging,
  cause: EventCause,
  ctx: DecideContext,
): CallDecision {
  const { calleeLegId } = fact;
  if (!isRinging(call, calleeLegId)) return ignore('STALE_CALLEE_LEG');
  if (call.pendingConnect?.ringing) return ignore('ALREADY_RINGING');
  const ringing = newCallEvent(ctx, call.callId, cause, {
    $case: 'connectRinging',
    value: { calleeLegId },
  });
  return accept([ringing]);
}

/**
 * The callee picked up: caller, callee and agent share a conference in BARGE mode. On a
 * pre-answer connect the caller's leg is answered as part of the bridge. A leg that is no
 * longer wanted (timed out, replaced) is cancelled so nobody is left on a dead line.
 */
export function decideCalleeAnswered(
  call: StartedCall,
  fact: CalleeAnswered,
  cause: EventCause,
  ctx: DecideContext,
): CallDecision {
  const { calleeLegId } = fact;
  if (call.connectedCalleeLegId === calleeLegId) return ignore('ALREADY_CONNECTED');
  if (!isRinging(call, calleeLegId)) {
    return ignore('STALE_CALLEE_LEG', [instruct.cancelCallee(calleeLegId)]);
  }
  const connected = newCallEvent(ctx, call.callId, cause, {
    $case: 'connected',
    value: { calleeLegId },
  });
  const instructions: CallInstruction[] = [];
  if (call.state === CallState.CALL_STATE_PENDING) instructions.push(instruct.answerLeg());
  instructions.push(instruct.bargeIn());
  return accept([connected], instructions);
}

/** The callee could not be reached (busy, declined, unreachable, no answer): the call stays. */
export function decideCalleeFailed(
  call: StartedCall,
  fact: CalleeFailed,
  cause: EventCause,
  ctx: DecideContext,
): CallDecision {
  if (!isRinging(call, fact.calleeLegId)) return ignore('STALE_CALLEE_LEG');
  const failed = newCallEvent(ctx, call.callId, cause, {
    $case: 'connectFailed',
    value: {
      errorCode: fact.errorCode || UNKNOWN_CONNECT_FAILURE,
      errorMessage: fact.detail,
      carrierStatus: fact.carrierStatus,
    },
  });
  return accept([failed]);
}
