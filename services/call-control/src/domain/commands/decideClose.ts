import { CallState, TerminationReason } from '@warmline/contracts';
import type { StartedCall } from '../callAggregate';
import type { CallDecision } from '../callDecision';
import type { EventCause } from '../callEventFactory';
import type { DecideContext } from '../decideContext';
import { agentLeaves, terminateCall } from '../endCall';
import { rejectClosed, rejectWrongState } from '../rejections';

/**
 * close() depends on the state: after connect the agent leaves and the caller and callee
 * stay bridged (AGENT_LEFT); after answer without connect the caller is dropped too (CLOSED).
 */
export function decideClose(
  call: StartedCall,
  cause: EventCause,
  ctx: DecideContext,
): CallDecision {
  switch (call.state) {
    case CallState.CALL_STATE_CONNECTED:
      return agentLeaves(call, cause, ctx);
    case CallState.CALL_STATE_ANSWERED:
      return terminateCall(call, TerminationReason.TERMINATION_REASON_CLOSED, '', cause, ctx);
    // Both unreachable behind the state table's guard; spelled out so close reads whole.
    case CallState.CALL_STATE_PENDING:
      return rejectWrongState(call, 'close');
    case CallState.CALL_STATE_DISCONNECTED:
      return rejectClosed(call, 'close');
  }
}
