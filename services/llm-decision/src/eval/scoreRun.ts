import { expectedEscalation } from './corpus';
import type { ConversationRun } from './runConversation';

/** How one conversation scored (see the tolerance window in test/corpus/README.md). */
export interface RunScore {
  /** Labelled to escalate. */
  readonly positive: boolean;
  readonly truePositive: boolean;
  readonly falsePositive: boolean;
  readonly falseNegative: boolean;
  /** `t - k` for a true positive: 0 at the labelled turn, 1 at the next. */
  readonly offset?: number;
  /** The escalation reason matched the label (true positives only). */
  readonly reasonCorrect?: boolean;
  /** Turns whose decision kind matched the label, and turns fed. */
  readonly turnsCorrect: number;
  readonly turnsFed: number;
}

/** The escalation may fire at the labelled turn or the caller's next one. */
export const TOLERANCE_TURNS = 1;

/**
 * Scores a run: a true positive when the engine escalated within `[k, k + 1]` of the labelled
 * turn `k`; escalating before `k` or in a conversation that never should is a false positive
 * (a premature handoff is also a false negative).
 */
export function scoreRun(run: ConversationRun): RunScore {
  const expected = expectedEscalation(run.conversation);
  const t = run.escalatedAt;
  const turnsCorrect = run.decisions.filter(
    (d, i) => d.kind === run.conversation.turns[i]?.expect,
  ).length;
  const common = { turnsCorrect, turnsFed: run.decisions.length };
  if (expected === undefined) {
    return {
      positive: false,
      truePositive: false,
      falsePositive: t !== undefined,
      falseNegative: false,
      ...common,
    };
  }
  const inWindow = t !== undefined && t >= expected.turn && t <= expected.turn + TOLERANCE_TURNS;
  return {
    positive: true,
    truePositive: inWindow,
    falsePositive: t !== undefined && t < expected.turn,
    falseNegative: !inWindow,
    ...(inWindow
      ? { offset: t - expected.turn, reasonCorrect: run.escalationReason === expected.reason }
      : {}),
    ...common,
  };
}
