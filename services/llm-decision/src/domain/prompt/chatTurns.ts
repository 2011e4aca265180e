import type { CallerTurn } from '../engine/decision';

/** One turn of the conversation so far, as the decision service saw it. */
export interface HistoryTurn {
  readonly speaker: 'caller' | 'agent';
  readonly text: string;
}

/** How many earlier turns a model sees (the prompt stays bounded on long calls). */
export const HISTORY_TURNS_FOR_MODEL = 20;

/**
 * The conversation as alternating turns for a chat model: the last
 * {@link HISTORY_TURNS_FOR_MODEL} history turns, then the latest caller turn. Consecutive
 * turns of one speaker are joined (some chat templates require alternation), and the list
 * always starts with the caller. Caller text stays caller text: providers put it only in
 * `user` messages.
 */
export function chatTurns(
  history: readonly HistoryTurn[],
  latest: CallerTurn,
): readonly HistoryTurn[] {
  const recent = [
    ...history.slice(-HISTORY_TURNS_FOR_MODEL),
    { speaker: 'caller' as const, text: latest.text },
  ];
  const firstCaller = recent.findIndex((t) => t.speaker === 'caller');
  const merged: HistoryTurn[] = [];
  for (const turn of recent.slice(firstCaller)) {
    const last = merged.at(-1);
    if (last?.speaker === turn.speaker) {
      merged[merged.length - 1] = { speaker: turn.speaker, text: `${last.text}\n${turn.text}` };
    } else {
      merged.push(turn);
    }
  }
  return merged;
}
