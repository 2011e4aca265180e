import type { ContextDoc, TurnRecord } from './contextDoc';
import { reasonLabel } from './labels';

const MAX_QUOTE = 140;

/** The text cut at a word boundary near `MAX_QUOTE` characters. */
const quote = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_QUOTE) return `“${flat}”`;
  const cut = flat.slice(0, MAX_QUOTE);
  return `“${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_QUOTE / 2))}…”`;
};

/** What the caller heard of an agent turn: the played prefix when known, else its text. */
const heard = (turn: TurnRecord): string =>
  turn.playback && turn.playback.heardText !== '' ? turn.playback.heardText : turn.text;

/**
 * A short summary for the human when neither the decision service nor the saga gave one:
 * why the AI escalated, what the caller first wanted, what they said last and what the AI
 * last said to them. Built from the stored (already redacted) turns only.
 */
export const buildSummary = (doc: ContextDoc): string => {
  const caller = doc.turns.filter((t) => t.speaker === 'caller' && t.text.trim() !== '');
  const agent = doc.turns.filter((t) => t.speaker === 'agent' && heard(t).trim() !== '');
  const parts: string[] = [];
  const reason = reasonLabel(doc.escalationReason);
  if (reason) parts.push(`${reason}.`);
  const first = caller[0];
  const last = caller.at(-1);
  if (first) parts.push(`Caller opened with ${quote(first.text)}.`);
  if (last && last !== first) parts.push(`Latest from the caller: ${quote(last.text)}.`);
  const lastAgent = agent.at(-1);
  if (lastAgent) {
    const cut = lastAgent.playback?.interrupted ? ' (interrupted)' : '';
    parts.push(`The AI last said ${quote(heard(lastAgent))}${cut}.`);
  }
  if (parts.length === 0) return 'No conversation yet.';
  parts.push(`${caller.length} caller and ${agent.length} AI turns so far.`);
  return parts.join(' ');
};
