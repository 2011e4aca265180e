import { type GatewaySignal, TerminationReason } from '@warmline/contracts';
import type { StartedCall } from '../callAggregate';
import type { CallDecision } from '../callDecision';
import type { EventCause } from '../callEventFactory';
import type { DecideContext } from '../decideContext';
import { endBridge } from '../endCall';
import { rejectClosed, rejectInvalid } from '../rejections';
import { hangUpReason } from './decidePartyHungUp';

type SignalPayload = NonNullable<GatewaySignal['payload']>;

/**
 * A fact about a DISCONNECTED call. Only the caller-callee bridge that AGENT_LEFT left
 * behind is still alive: a party hanging up or its media being lost ends it
 * (CallBridgeEnded). Everything else is refused as CALL_CLOSED.
 */
export function decideAfterAgentLeft(
  call: StartedCall,
  payload: SignalPayload,
  cause: EventCause,
  ctx: DecideContext,
): CallDecision {
  if (call.bridge !== 'ACTIVE') return rejectClosed(call, payload.$case);
  switch (payload.$case) {
    case 'partyHungUp': {
      const reason = hangUpReason(payload.value.party);
      if (reason === null) return rejectInvalid(call, 'party hung up without saying which party');
      return endBridge(call, reason, cause, ctx);
    }
    case 'mediaLost':
      return endBridge(call, TerminationReason.TERMINATION_REASON_MEDIA_LOST, cause, ctx);
    case 'calleeRinging':
    case 'calleeAnswered':
    case 'calleeFailed':
    case 'dtmf':
      // The agent has left: nothing on the bridge but its end concerns this aggregate.
      return rejectClosed(call, payload.$case);
  }
}
