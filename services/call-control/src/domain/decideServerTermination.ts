import { CallState, type TerminationReason } from '@warmline/contracts';
import type { StartedCall } from './callAggregate';
import type { CallDecision } from './callDecision';
import type { EventCause } from './callEventFactory';
import type { ServerTerminationInput } from './callInput';
import type { DecideContext } from './decideContext';
import { endBridge, terminateCall } from './endCall';
import { checkInputIdentity } from './inputIdentity';
import { rejectClosed } from './rejections';

/**
 * The platform ends the call (PENDING, ANSWERED or CONNECTED → DISCONNECTED). On a call
 * the agent already left, it ends the caller-callee bridge instead. Shared by the
 * `serverTermination` input and the `terminate` command.
 */
export function endFromServer(
  call: StartedCall,
  reason: TerminationReason,
  detail: string,
  cause: EventCause,
  ctx: DecideContext,
  inputDescription: string,
): CallDecision {
  if (call.state !== CallState.CALL_STATE_DISCONNECTED) {
    return terminateCall(call, reason, detail, cause, ctx);
  }
  if (call.bridge === 'ACTIVE') return endBridge(call, reason, cause, ctx);
  return rejectClosed(call, inputDescription);
}

/** A server termination input, idempotent by its termination id. */
export function decideServerTermination(
  call: StartedCall,
  input: ServerTerminationInput,
  ctx: DecideContext,
): CallDecision {
  const early = checkInputIdentity(call, { idName: 'terminationId', id: input.terminationId });
  if (early) return early;
  const cause = { causationId: input.terminationId, correlationId: call.callId };
  return endFromServer(call, input.reason, input.detail, cause, ctx, 'serverTermination');
}
