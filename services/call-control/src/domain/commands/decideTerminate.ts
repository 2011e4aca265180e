import { type TerminateCall, TerminationReason } from '@warmline/contracts';
import type { StartedCall } from '../callAggregate';
import type { CallDecision } from '../callDecision';
import type { EventCause } from '../callEventFactory';
import type { DecideContext } from '../decideContext';
import { endFromServer } from '../decideServerTermination';
import { rejectInvalid } from '../rejections';

const serverReasons: readonly TerminationReason[] = [
  TerminationReason.TERMINATION_REASON_SERVER_TERMINATED,
  TerminationReason.TERMINATION_REASON_PROTOCOL_ERROR,
];

/**
 * The `terminate` command (the saga's or an operator's server-side termination): like a
 * serverTermination input, from any active state, and on a call the agent left it ends the
 * caller-callee bridge. Only the platform's own reasons are accepted (UNSPECIFIED means
 * SERVER_TERMINATED): a command cannot claim that a party hung up.
 */
export function decideTerminate(
  call: StartedCall,
  request: TerminateCall,
  cause: EventCause,
  ctx: DecideContext,
): CallDecision {
  const reason =
    request.reason === TerminationReason.TERMINATION_REASON_UNSPECIFIED
      ? TerminationReason.TERMINATION_REASON_SERVER_TERMINATED
      : request.reason;
  if (!serverReasons.includes(reason)) {
    return rejectInvalid(
      call,
      `terminate takes SERVER_TERMINATED or PROTOCOL_ERROR; got ${reason}`,
    );
  }
  return endFromServer(call, reason, request.detail, cause, ctx, 'terminate');
}
