import { EscalationReason } from '@warmline/contracts';
import type { IntentMatch } from '../classify/matchIntent';
import { escalateTo, replyWith, say } from './buildDecision';
import type { CompiledProfile } from './compileProfile';
import type { ConversationState } from './conversationState';
import type { TurnOutcome } from './decision';
import type { TurnSignals } from './analyzeTurn';

/** Share of a question's content words the profile must know for an intent to answer it. */
export const MIN_KNOWN_SHARE = 0.5;

/**
 * Out of scope: a real question (two or more content words, or a question about one unknown
 * thing) that the profile's knowledge barely touches: no intent comes close, or most of its
 * words are unknown to every intent.
 */
export function isOutOfScope(
  compiled: CompiledProfile,
  intent: IntentMatch,
  question: boolean,
): boolean {
  const { outOfScopeThreshold } = compiled.profile.escalation.matching;
  if (intent.terms.length === 1) return question && intent.known === 0;
  return (
    intent.terms.length >= 2 &&
    (intent.score < outOfScopeThreshold || intent.known < MIN_KNOWN_SHARE)
  );
}

/**
 * Decides a confident turn that raised no escalation of its own: answer the matched intent
 * (a rejected or repeated question, or the same intent again right after a bad turn, counts as
 * a failed turn), or count a failed or out-of-scope
 * turn and escalate when the profile's limits are reached.
 */
export function answerTurn(
  compiled: CompiledProfile,
  state: ConversationState,
  signals: TurnSignals,
  base: ConversationState,
): TurnOutcome<ConversationState> {
  const { escalation, lines } = compiled.profile;
  const candidate =
    signals.intent.intentId === undefined
      ? undefined
      : compiled.intents.get(signals.intent.intentId);
  const inScope = !isOutOfScope(compiled, signals.intent, signals.question);
  const intent =
    inScope && signals.intent.score >= escalation.matching.intentThreshold ? candidate : undefined;
  const askedAgain = intent !== undefined && intent.id === state.lastIntentId && state.lastTurnBad;
  const failed = signals.rejection.rejected || signals.repeated || askedAgain;
  if (intent !== undefined) {
    const failedTurns = failed ? state.failedTurns + 1 : state.failedTurns;
    if (failed && failedTurns >= escalation.repeatedFailure.maxFailedTurns) {
      return {
        decision: escalateTo(
          compiled,
          EscalationReason.ESCALATION_REASON_REPEATED_FAILURE,
          `${failedTurns} failed turns (last answer: ${intent.id})`,
        ),
        nextState: { ...base, failedTurns, status: 'escalated', lastTurnBad: true },
      };
    }
    const followUp = failed ? undefined : intent.followUp;
    return {
      decision: replyWith(say(intent.answer, followUp?.prompt ?? lines.anythingElse), intent.id),
      nextState: {
        ...base,
        failedTurns,
        lastIntentId: intent.id,
        ...(followUp === undefined ? {} : { pendingFollowUpIntentId: intent.id }),
        awaitingAnythingElse: followUp === undefined,
        lastTurnBad: failed || base.lastTurnBad,
      },
    };
  }
  // Venting (`are you kidding me`) and rejections are failures, not questions about another topic.
  const outOfScope = !signals.rejection.rejected && !signals.frustration.negative && !inScope;
  const failedTurns = state.failedTurns + 1;
  const outOfScopeTurns = state.outOfScopeTurns + (outOfScope ? 1 : 0);
  const next: ConversationState = {
    ...base,
    failedTurns,
    outOfScopeTurns,
    lastTurnBad: true,
    ...(state.lastIntentId === undefined ? {} : { lastIntentId: state.lastIntentId }),
  };
  if (outOfScope && outOfScopeTurns >= escalation.outOfScope.maxTurns) {
    return {
      decision: escalateTo(
        compiled,
        EscalationReason.ESCALATION_REASON_OUT_OF_SCOPE,
        `${outOfScopeTurns} out-of-scope questions`,
      ),
      nextState: { ...next, status: 'escalated' },
    };
  }
  if (failedTurns >= escalation.repeatedFailure.maxFailedTurns) {
    return {
      decision: escalateTo(
        compiled,
        EscalationReason.ESCALATION_REASON_REPEATED_FAILURE,
        `${failedTurns} failed turns`,
      ),
      nextState: { ...next, status: 'escalated' },
    };
  }
  return { decision: replyWith(outOfScope ? lines.outOfScope : lines.clarify), nextState: next };
}
