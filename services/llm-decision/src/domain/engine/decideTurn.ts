import { EscalationReason } from '@warmline/contracts';
import type { AgentProfile } from '../profile/agentProfile';
import { type TurnSignals, analyzeTurn } from './analyzeTurn';
import { answerTurn } from './answerTurn';
import { endCall, escalateTo, replyWith, say } from './buildDecision';
import { type CompiledProfile, compileProfile } from './compileProfile';
import { ConversationClosedError } from './conversationClosedError';
import { type ConversationState, HISTORY_LIMITS } from './conversationState';
import type { CallerTurn, TurnOutcome } from './decision';

type Outcome = TurnOutcome<ConversationState>;

/** The state after this turn, before any rule decides (counters, streaks, history). */
const bookkeeping = (
  compiled: CompiledProfile,
  state: ConversationState,
  s: TurnSignals,
): ConversationState => {
  const { decay } = compiled.profile.escalation.frustration;
  const { pendingFollowUpIntentId: _pending, ...rest } = state;
  return {
    ...rest,
    turnCount: state.turnCount + 1,
    frustrationLevel: Math.max(0, state.frustrationLevel * decay + s.frustration.score),
    frustrationHistory: [...state.frustrationHistory, s.frustration.score].slice(
      -HISTORY_LIMITS.frustration,
    ),
    negativeStreak: s.frustration.negative ? state.negativeStreak + 1 : 0,
    lowConfidenceStreak: s.lowConfidence ? state.lowConfidenceStreak + 1 : 0,
    lastQuestions:
      s.lowConfidence || s.intent.terms.length === 0
        ? state.lastQuestions
        : [...state.lastQuestions, s.intent.terms.join(' ')].slice(-HISTORY_LIMITS.questions),
    awaitingAnythingElse: false,
    lastTurnBad: s.frustration.negative,
  };
};

/** Escalations that outrank answering: policy keywords, a request for a person, frustration. */
const urgentEscalation = (
  compiled: CompiledProfile,
  s: TurnSignals,
  base: ConversationState,
): Outcome | undefined => {
  const escalated = (reason: EscalationReason, detail: string): Outcome => ({
    decision: escalateTo(compiled, reason, detail),
    nextState: { ...base, status: 'escalated' },
  });
  if (s.policy !== undefined)
    return escalated(s.policy.reason, `policy keyword: ${s.policy.label} ("${s.policy.phrase}")`);
  if (s.human.requested) {
    return escalated(
      EscalationReason.ESCALATION_REASON_CALLER_ASKED,
      `caller asked for a person ("${s.human.evidence ?? ''}")`,
    );
  }
  const { threshold } = compiled.profile.escalation.frustration;
  if (base.frustrationLevel >= threshold) {
    const cues = s.frustration.cues.join(', ');
    return escalated(
      EscalationReason.ESCALATION_REASON_FRUSTRATION,
      `frustration ${base.frustrationLevel.toFixed(1)} reached ${threshold}${cues === '' ? '' : ` (${cues})`}`,
    );
  }
  return undefined;
};

/** Turns that manage the conversation: an unclear transcript, a follow-up answer, goodbye, thanks. */
const conversationalTurn = (
  compiled: CompiledProfile,
  state: ConversationState,
  s: TurnSignals,
  base: ConversationState,
): Outcome | undefined => {
  const { lines, escalation } = compiled.profile;
  if (s.lowConfidence) {
    if (base.lowConfidenceStreak >= escalation.lowConfidence.maxConsecutive) {
      return {
        decision: escalateTo(
          compiled,
          EscalationReason.ESCALATION_REASON_LOW_CONFIDENCE,
          `${base.lowConfidenceStreak} low-confidence turns in a row`,
        ),
        nextState: { ...base, status: 'escalated' },
      };
    }
    const carried =
      state.pendingFollowUpIntentId === undefined
        ? {}
        : { pendingFollowUpIntentId: state.pendingFollowUpIntentId };
    return {
      decision: replyWith(lines.reprompt),
      nextState: { ...base, ...carried, awaitingAnythingElse: state.awaitingAnythingElse },
    };
  }
  const followUp =
    state.pendingFollowUpIntentId === undefined
      ? undefined
      : compiled.intents.get(state.pendingFollowUpIntentId)?.followUp;
  if (followUp !== undefined && (s.act === 'affirm' || s.act === 'deny')) {
    const text = s.act === 'affirm' ? followUp.onYes : followUp.onNo;
    return {
      decision: replyWith(say(text, lines.anythingElse)),
      nextState: { ...base, awaitingAnythingElse: true },
    };
  }
  if (s.endOfCall || (s.act === 'deny' && state.awaitingAnythingElse)) {
    return { decision: endCall(compiled), nextState: { ...base, status: 'ended' } };
  }
  const calm = !s.frustration.negative && !s.rejection.rejected && !s.repeated;
  if (!calm || s.act === undefined || s.act === 'deny') return undefined;
  if (s.act === 'greeting' || s.act === 'preamble')
    return { decision: replyWith(lines.howCanIHelp), nextState: base };
  return {
    decision: replyWith(say(lines.youAreWelcome, lines.anythingElse)),
    nextState: {
      ...base,
      awaitingAnythingElse: true,
      failedTurns: Math.max(0, state.failedTurns - 1),
    },
  };
};

/**
 * Decides the agent's response to one final caller turn, purely: the same profile, state and
 * turn always give the same decision, and neither the profile nor the state is modified.
 *
 * Order: policy keyword → request for a person → frustration → low confidence → follow-up
 * answer → end of call → greeting/thanks → intent answer (repeated or rejected answers count as
 * failures) → out of scope / not understood, escalating at the profile's limits.
 *
 * @throws {ConversationClosedError} when the state already escalated or ended.
 */
export function decideTurn(
  profile: AgentProfile,
  state: ConversationState,
  turn: CallerTurn,
): Outcome {
  if (state.status !== 'active') throw new ConversationClosedError(state.status);
  const compiled = compileProfile(profile);
  const signals = analyzeTurn(compiled, state, turn);
  const base = bookkeeping(compiled, state, signals);
  return (
    urgentEscalation(compiled, signals, base) ??
    conversationalTurn(compiled, state, signals, base) ??
    answerTurn(compiled, state, signals, base)
  );
}
