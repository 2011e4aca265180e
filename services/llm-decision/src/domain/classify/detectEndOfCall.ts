import { findPhrase } from '../text/findPhrase';
import { isNegated } from '../text/negation';
import type { NormalizedText } from '../text/normalizeText';

/**
 * True when the caller closes the call (`that's all, thanks, bye`): one of the profile's
 * end-of-call phrases (normalised), not negated, in an utterance that is not also a question.
 */
export function detectEndOfCall(
  text: NormalizedText,
  phrases: readonly (readonly string[])[],
  question: boolean,
): boolean {
  if (question) return false;
  return phrases.some((phrase) =>
    findPhrase(text.tokens, phrase, { fuzzy: false, maxGap: 0 }).some(
      (m) => !isNegated(text, m.start),
    ),
  );
}
