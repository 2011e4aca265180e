import { CallState, Party, type PartyHungUp, TerminationReason } from '@warmline/contracts';
import type { StartedCall } from '../callAggregate';
import { type CallDecision, ignore } from '../callDecision';
import type { EventCause } from '../callEventFactory';
import type { DecideContext } from '../decideContext';
import { terminateCall } from '../endCall';
import { rejectInvalid } from '../rejections';

/** The termination reason for a party hanging up, or null for an unknown party. */
export function hangUpReason(party: Party): TerminationReason | null {
  switch (party) {
    case Party.PARTY_CALLER:
      return TerminationReason.TERMINATION_REASON_CALLER_HUNG_UP;
    case Party.PARTY_CALLEE:
      return TerminationReason.TERMINATION_REASON_CALLEE_HUNG_UP;
    case Party.PARTY_UNSPECIFIED:
    case Party.UNRECOGNIZED:
      return null;
  }
}

/**
 * A party hung up on an active call. The caller leaving ends the call in any state;
 * the callee leaving ends it only once the callee is in it (CONNECTED): a ringing
 * callee that gives up is reported as CalleeFailed instead.
 */
export function decidePartyHungUp(
  call: StartedCall,
  fact: PartyHungUp,
  cause: EventCause,
  ctx: DecideContext,
): CallDecision {
  const reason = hangUpReason(fact.party);
  if (reason === null) return rejectInvalid(call, 'party hung up without saying which party');
  const calleeInCall = call.state === CallState.CALL_STATE_CONNECTED;
  if (fact.party === Party.PARTY_CALLEE && !calleeInCall) return ignore('NO_CALLEE_IN_CALL');
  return terminateCall(call, reason, '', cause, ctx);
}
