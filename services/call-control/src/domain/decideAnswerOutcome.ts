import { CallState } from '@warmline/contracts';
import type { StartedCall } from './callAggregate';
import { type CallDecision, accept } from './callDecision';
import { newCallEvent } from './callEventFactory';
import type { AnswerOutcomeInput } from './callInput';
import type { DecideContext } from './decideContext';
import { checkInputIdentity } from './inputIdentity';
import { rejectClosed, rejectInvalid, rejectWrongState } from './rejections';

/** The code a CallAnswerFailed carries when the gateway reported none. */
export const UNKNOWN_ANSWER_FAILURE = 'ANSWER_FAILED';

/**
 * The gateway's reply to AnswerLeg: PENDING → ANSWERED, or CallAnswerFailed and the
 * call stays PENDING. The events are caused by the answer command, so the command's
 * repeats (and the outcome's) get this same result. While an answer is pending (after
 * CallAnswerRequested) only the reply to that answer is accepted.
 */
export function decideAnswerOutcome(
  call: StartedCall,
  input: AnswerOutcomeInput,
  ctx: DecideContext,
): CallDecision {
  const { pendingAnswer } = call;
  if (pendingAnswer && pendingAnswer.commandId !== input.answerCommandId) {
    return rejectInvalid(
      call,
      `the gateway's reply is for answer ${input.answerCommandId}, but answer ${pendingAnswer.commandId} is pending`,
    );
  }
  // The pending answer's id is already applied (by CallAnswerRequested): not a repeat.
  if (!pendingAnswer) {
    const early = checkInputIdentity(call, {
      idName: 'answerCommandId',
      id: input.answerCommandId,
    });
    if (early) return early;
  }
  if (call.state === CallState.CALL_STATE_DISCONNECTED) return rejectClosed(call, 'answer');
  // A pre-answer connect can bridge the caller before the reply to answer() arrives.
  if (call.state !== CallState.CALL_STATE_PENDING) return rejectWrongState(call, 'answer');

  const cause = { causationId: input.answerCommandId, correlationId: call.callId };
  const { result } = input;
  const event = result.ok
    ? newCallEvent(ctx, call.callId, cause, { $case: 'answered', value: {} })
    : newCallEvent(ctx, call.callId, cause, {
        $case: 'answerFailed',
        value: {
          errorCode: result.errorCode || UNKNOWN_ANSWER_FAILURE,
          errorMessage: result.errorMessage,
        },
      });
  return accept([event]);
}
