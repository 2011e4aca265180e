import { capText } from '../decision/capText';
import type { CallerTurn, EscalateDecision } from '../engine/decision';
import { reasonName } from '../profile/reasonNames';
import type { CallSession } from './callSession';

const QUOTED_TURNS = 3;
const QUOTE_MAX_CHARS = 160;
/** Longest summary, in characters. */
export const HANDOFF_SUMMARY_MAX_CHARS = 1_200;

/**
 * A short summary of the conversation for the person taking the call, built from the session
 * (not from a model): why, how long, which topics were answered, the caller's last words, and
 * the model's note when a model escalated (labelled as such: it is model text).
 */
export function handoffSummary(
  session: CallSession,
  turn: CallerTurn,
  decision: EscalateDecision,
): string {
  const callerTexts = [
    ...session.history.filter((t) => t.speaker === 'caller').map((t) => t.text),
    turn.text,
  ];
  const topics = [...new Set(session.intentsAnswered)];
  const quotes = callerTexts
    .slice(-QUOTED_TURNS)
    .map((text) => `"${capText(text, QUOTE_MAX_CHARS)}"`);
  const parts = [
    `Handoff reason: ${reasonName(decision.reason)}.`,
    `Caller turns: ${callerTexts.length}.`,
    topics.length > 0 ? `Answered topics: ${topics.join(', ')}.` : 'No topic answered yet.',
    `Caller said last: ${quotes.join(' / ')}.`,
    ...(decision.note === undefined ? [] : [`Assistant's note: ${decision.note}`]),
  ];
  return capText(parts.join(' '), HANDOFF_SUMMARY_MAX_CHARS);
}
