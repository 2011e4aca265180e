import type { CallEvent } from '@warmline/contracts';
import type { AppliedOutcome } from './callAggregate';

/**
 * Adds the event's cause to the inputs already applied. A CallAnswerFailed records a
 * failure (a repeat of that answer command gets the same failure); anything else a success.
 */
export function rememberInput(
  applied: ReadonlyMap<string, AppliedOutcome>,
  event: CallEvent,
): ReadonlyMap<string, AppliedOutcome> {
  if (event.causationId === '') return applied;
  const outcome: AppliedOutcome =
    event.payload?.$case === 'answerFailed'
      ? {
          ok: false,
          gatewayErrorCode: event.payload.value.errorCode,
          message: event.payload.value.errorMessage || 'the gateway could not answer the call',
        }
      : { ok: true };
  return new Map(applied).set(event.causationId, outcome);
}
