import { normalizeWords } from '../wer/normalizeWords';

/**
 * Words a listener says to show they are listening, not to take the turn.
 * Hyphenated forms are split by {@link normalizeWords}, so "uh-huh" is
 * "uh" + "huh" and both are listed.
 */
export const BACKCHANNEL_WORDS: ReadonlySet<string> = new Set([
  'uh',
  'huh',
  'mm',
  'hmm',
  'mhm',
  'mmhmm',
  'hm',
  'um',
  'ah',
  'oh',
  'yeah',
  'yep',
  'yes',
  'ok',
  'okay',
  'right',
  'sure',
  'alright',
]);

/**
 * True when `text` has at least one word and every word is a backchannel
 * ("uh-huh", "yeah okay", "right right"). Empty text is not a
 * backchannel: nothing has been recognised yet.
 */
export const isBackchannelOnly = (text: string): boolean => {
  const words = normalizeWords(text);
  return words.length > 0 && words.every((word) => BACKCHANNEL_WORDS.has(word));
};
