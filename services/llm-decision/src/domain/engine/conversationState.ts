/**
 * Everything the decision engine remembers between turns of one call: a plain, serialisable
 * object (JSON round-trips it), never mutated; `decideTurn` returns the next one.
 */
export interface ConversationState {
  /** Caller turns decided so far. */
  readonly turnCount: number;
  /** `escalated` or `ended` after a terminal decision; no further turns are accepted. */
  readonly status: 'active' | 'escalated' | 'ended';
  /** Failed turns (not understood, rejected, repeated); one is forgiven when the caller says thanks. */
  readonly failedTurns: number;
  /** Out-of-scope questions in this call. */
  readonly outOfScopeTurns: number;
  /** Low-confidence turns in a row. */
  readonly lowConfidenceStreak: number;
  /** Negative turns in a row (for repeated negatives). */
  readonly negativeStreak: number;
  /** The decayed frustration level after the last turn. */
  readonly frustrationLevel: number;
  /** Each turn's frustration score, oldest first (the last 20). */
  readonly frustrationHistory: readonly number[];
  /** The canonical terms of the caller's last questions, each joined by spaces (the last 4). */
  readonly lastQuestions: readonly string[];
  /** The intent answered last (kept across turns that answered nothing). */
  readonly lastIntentId?: string;
  /** The intent whose follow-up question (yes/no) is waiting for an answer. */
  readonly pendingFollowUpIntentId?: string;
  /** The agent just asked "anything else?", so a bare "no" ends the call. */
  readonly awaitingAnythingElse: boolean;
  /** The last turn failed or was negative (sarcasm is likely next). */
  readonly lastTurnBad: boolean;
}

/** How many frustration scores and questions the state keeps. */
export const HISTORY_LIMITS = { frustration: 20, questions: 4 } as const;

/** The state of a call before the caller's first turn. */
export function initialConversationState(): ConversationState {
  return {
    turnCount: 0,
    status: 'active',
    failedTurns: 0,
    outOfScopeTurns: 0,
    lowConfidenceStreak: 0,
    negativeStreak: 0,
    frustrationLevel: 0,
    frustrationHistory: [],
    lastQuestions: [],
    awaitingAnythingElse: false,
    lastTurnBad: false,
  };
}
