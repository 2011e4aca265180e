import { TerminationReason } from '@warmline/contracts';
import type { StartedCall } from './callAggregate';
import { type CallAccepted, type CallInstruction, accept } from './callDecision';
import { type EventCause, newCallEvent } from './callEventFactory';
import type { DecideContext } from './decideContext';
import { instruct } from './instructions';

/**
 * Ends the call for everyone still on it (→ DISCONNECTED): a ringing callee leg is
 * cancelled and the gateway hangs up every leg.
 */
export function terminateCall(
  call: StartedCall,
  reason: TerminationReason,
  detail: string,
  cause: EventCause,
  ctx: DecideContext,
): CallAccepted {
  const instructions: CallInstruction[] = [];
  if (call.pendingConnect)
    instructions.push(instruct.cancelCallee(call.pendingConnect.calleeLegId));
  instructions.push(instruct.hangup(reason));
  const terminated = newCallEvent(ctx, call.callId, cause, {
    $case: 'terminated',
    value: { reason, detail },
  });
  return accept([terminated], instructions);
}

/**
 * close() on a CONNECTED call: the agent leaves the mix and the call is DISCONNECTED from
 * its point of view, while the caller and callee stay bridged.
 */
export function agentLeaves(
  call: StartedCall,
  cause: EventCause,
  ctx: DecideContext,
): CallAccepted {
  const terminated = newCallEvent(ctx, call.callId, cause, {
    $case: 'terminated',
    value: { reason: TerminationReason.TERMINATION_REASON_AGENT_LEFT, detail: '' },
  });
  return accept([terminated], [instruct.removeAgent()]);
}

/** The caller-callee bridge left behind by AGENT_LEFT ends; whoever is left is hung up. */
export function endBridge(
  call: StartedCall,
  reason: TerminationReason,
  cause: EventCause,
  ctx: DecideContext,
): CallAccepted {
  const ended = newCallEvent(ctx, call.callId, cause, {
    $case: 'bridgeEnded',
    value: { reason },
  });
  return accept([ended], [instruct.hangup(reason)]);
}
