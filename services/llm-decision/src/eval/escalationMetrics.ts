import { expectedEscalation } from './corpus';
import type { ConversationRun } from './runConversation';
import { scoreRun } from './scoreRun';

/** Escalation quality over a set of conversations. NaN where a ratio has no denominator. */
export interface EscalationMetrics {
  readonly conversations: number;
  readonly positives: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
  /** Recall over conversations whose labelled reason is `caller_asked`. */
  readonly explicitRecall: number;
  /** Share of true positives with the labelled reason. */
  readonly reasonAccuracy: number;
  /** Mean `t - k` over true positives. */
  readonly meanTurnOffset: number;
  /** Share of fed turns whose decision kind matched the label. */
  readonly turnAccuracy: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? Number.NaN : a / b);
const sum = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0);

/** Aggregates {@link scoreRun} over runs. */
export function escalationMetrics(runs: readonly ConversationRun[]): EscalationMetrics {
  const scores = runs.map(scoreRun);
  const tp = scores.filter((s) => s.truePositive).length;
  const fp = scores.filter((s) => s.falsePositive).length;
  const fn = scores.filter((s) => s.falseNegative).length;
  const explicit = runs
    .map((r, i) => ({ r, s: scores[i] }))
    .filter(({ r }) => expectedEscalation(r.conversation)?.reason === 'caller_asked');
  const offsets = scores.flatMap((s) => (s.offset === undefined ? [] : [s.offset]));
  return {
    conversations: runs.length,
    positives: scores.filter((s) => s.positive).length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    explicitRecall: ratio(
      explicit.filter(({ s }) => s?.truePositive === true).length,
      explicit.length,
    ),
    reasonAccuracy: ratio(scores.filter((s) => s.reasonCorrect === true).length, tp),
    meanTurnOffset: ratio(sum(offsets), offsets.length),
    turnAccuracy: ratio(sum(scores.map((s) => s.turnsCorrect)), sum(scores.map((s) => s.turnsFed))),
  };
}
