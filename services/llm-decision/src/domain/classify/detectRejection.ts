import { findPhrase } from '../text/findPhrase';
import type { NormalizedText } from '../text/normalizeText';

/** Ways of saying the last answer did not help. */
const REJECTIONS: readonly string[] = [
  'not what i asked',
  'not what i am asking',
  'not what i said',
  'not what i meant',
  'does not answer',
  'did not answer',
  'not answering',
  'does not help',
  'did not help',
  'not helping',
  'did not work',
  'does not work',
  'still not',
  'still does not',
  'still no',
  'still say',
  'still is',
  'is still',
  'already tried',
  'already did',
  'already done',
  'already restarted',
  'i did that',
  'tried that',
  'done that',
  'not it',
  'wrong',
  'not listening',
  'i told you',
  'i said',
  'i am asking',
  'i asked',
  'not the problem',
  'makes no sense',
  'no sense',
];

/** The rejection phrase (from the list above) the caller used, if any. */
export interface Rejection {
  readonly rejected: boolean;
  readonly cue?: string;
}

/**
 * Detects a caller rejecting the agent's last answer: `that doesn't help`, `I already did
 * that`, `it's still orange`, `no, over the phone`, `I told you…`. A leading `no` followed by
 * more words counts; a bare `no` does not (it may answer a yes/no question).
 */
export function detectRejection(text: NormalizedText): Rejection {
  for (const phrase of REJECTIONS) {
    if (
      findPhrase(text.tokens, phrase.split(' '), { fuzzy: false, maxGap: 1, optionalWords: false })
        .length > 0
    ) {
      return { rejected: true, cue: phrase };
    }
  }
  const [first, ...rest] = text.tokens;
  if (
    (first === 'no' || first === 'nope') &&
    rest.some((w) => !['thanks', 'thank', 'you', 'no'].includes(w))
  ) {
    return { rejected: true, cue: 'no' };
  }
  return { rejected: false };
}
