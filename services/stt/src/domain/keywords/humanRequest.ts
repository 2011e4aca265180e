import { normalizeWords } from '../wer/normalizeWords';

/** Keyword classes the recognisers flag on a final transcript. */
export type KeywordHit = 'human-request';

/** Words that on their own name a human at the other end of the line (plurals included). */
const HUMAN_WORDS = new Set([
  'human',
  'humans',
  'agent',
  'agents',
  'representative',
  'representatives',
  'operator',
  'operators',
]);

/** "person" counts only after one of these ("a real person", "a live person"). */
const PERSON_QUALIFIERS = new Set(['real', 'live', 'actual']);

/**
 * The text rule of the keyword pass: true when a transcript asks for a human
 * ("speak to a human", "get me an operator", "a real person"). Engines with
 * an acoustic keyword pass (pocketsphinx's grammar) report their own hits as
 * well; either one flags the turn.
 */
export const matchHumanRequest = (text: string): KeywordHit | undefined => {
  const words = normalizeWords(text);
  const hit = words.some(
    (word, i) =>
      HUMAN_WORDS.has(word) || (word === 'person' && i > 0 && PERSON_QUALIFIERS.has(words[i - 1]!)),
  );
  return hit ? 'human-request' : undefined;
};
