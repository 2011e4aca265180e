import { CATEGORIES, type Split } from './corpus';
import { type EscalationMetrics, escalationMetrics } from './escalationMetrics';
import type { ConversationRun } from './runConversation';
import { scoreRun } from './scoreRun';

const pct = (v: number): string => (Number.isNaN(v) ? '   n/a' : v.toFixed(3).padStart(6));
const num = (v: number): string => (Number.isNaN(v) ? '  n/a' : v.toFixed(2).padStart(5));

const HEADER =
  'scope              convs  pos  TP  FP  FN  precision  recall  explicit  reason  offset  turns';

const row = (label: string, m: EscalationMetrics): string =>
  [
    label.padEnd(18),
    String(m.conversations).padStart(5),
    String(m.positives).padStart(4),
    String(m.truePositives).padStart(3),
    String(m.falsePositives).padStart(3),
    String(m.falseNegatives).padStart(3),
    `   ${pct(m.precision)}`,
    ` ${pct(m.recall)}`,
    `   ${pct(m.explicitRecall)}`,
    ` ${pct(m.reasonAccuracy)}`,
    `  ${num(m.meanTurnOffset)}`,
    ` ${pct(m.turnAccuracy)}`,
  ].join(' ');

/** The per-category and overall table for one split (or all conversations). */
export function formatSplit(title: string, runs: readonly ConversationRun[]): string {
  const lines = [title, HEADER];
  for (const category of CATEGORIES) {
    const subset = runs.filter((r) => r.conversation.category === category);
    if (subset.length > 0) lines.push(row(category, escalationMetrics(subset)));
  }
  lines.push(row('OVERALL', escalationMetrics(runs)));
  return lines.join('\n');
}

/** One line per conversation that was not a clean success, for error analysis. */
export function formatMisses(runs: readonly ConversationRun[]): string {
  return runs
    .map((run) => ({ run, score: scoreRun(run) }))
    .filter(
      ({ score }) => score.falseNegative || score.falsePositive || score.reasonCorrect === false,
    )
    .map(({ run, score }) => {
      const what = score.falsePositive ? 'FP' : score.falseNegative ? 'FN' : 'reason';
      const got =
        run.escalatedAt === undefined
          ? `no escalation (${run.decisions.at(-1)?.kind ?? '-'})`
          : `escalated at ${run.escalatedAt} (${run.escalationReason ?? ''})`;
      const wanted = run.conversation.turns.findIndex((t) => t.expect === 'escalate');
      return `  ${what.padEnd(6)} ${run.conversation.id.padEnd(14)} ${got}; labelled ${wanted < 0 ? 'none' : `${wanted + 1} (${run.conversation.turns[wanted]?.reason ?? ''})`}`;
    })
    .join('\n');
}

/** The full report: the tuning split, the held-out split and everything, with a legend. */
export function formatReport(runs: readonly ConversationRun[]): string {
  const of = (split: Split) => runs.filter((r) => r.conversation.split === split);
  return [
    formatSplit(`TUNING split (${of('tune').length} conversations)`, of('tune')),
    '',
    formatSplit(
      `HELD-OUT split (${of('heldout').length} conversations, held out from tuning)`,
      of('heldout'),
    ),
    '',
    formatSplit(`ALL (${runs.length} conversations)`, runs),
    '',
    'precision/recall of escalation per conversation; explicit = recall where the label is caller_asked;',
    'reason = share of true positives with the labelled reason; offset = mean turns after the labelled turn',
    '(window: labelled turn or the next); turns = share of fed turns with the labelled decision kind.',
  ].join('\n');
}

/** Conversations of `runs` restricted to a split. */
export const inSplit = (runs: readonly ConversationRun[], split: Split): ConversationRun[] =>
  runs.filter((r) => r.conversation.split === split);
