import type { StartedCall } from '../callAggregate';
import { type CallDecision, accept, ignore } from '../callDecision';
import { type EventCause, newCallEvent } from '../callEventFactory';
import type { DecideContext } from '../decideContext';
import { instruct } from '../instructions';

/**
 * answer() on a PENDING call: CallAnswerRequested, and the gateway is told to answer the
 * caller's leg. CallAnswered or CallAnswerFailed follows the gateway's reply (an
 * answerOutcome input caused by this command). While that reply is outstanding another
 * answer command does not tell the gateway again: it waits for the same outcome.
 */
export function decideAnswer(
  call: StartedCall,
  cause: EventCause,
  ctx: DecideContext,
): CallDecision {
  if (call.pendingAnswer) return ignore('ANSWER_IN_PROGRESS');
  const requested = newCallEvent(ctx, call.callId, cause, {
    $case: 'answerRequested',
    value: {},
  });
  return accept([requested], [instruct.answerLeg()]);
}
