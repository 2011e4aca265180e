import { splitLongText } from './splitLongText';
import { splitSentences } from './splitSentences';

/** Limits for {@link splitForSpeech}, in characters. */
export interface SplitOptions {
  /**
   * The first segment is cut at its first clause boundary (comma, semicolon,
   * colon, dash) when the first sentence is longer than this, so the first
   * audio exists after a short clause instead of a whole sentence.
   */
  readonly firstSegmentChars: number;
  /** No segment is longer than this: long sentences are cut at clauses, then at words. */
  readonly maxSegmentChars: number;
}

/** Defaults tuned on flite slt: a first clause of up to 40 characters (about 2.5 s of speech) synthesises in tens of ms. */
export const DEFAULT_SPLIT: SplitOptions = { firstSegmentChars: 40, maxSegmentChars: 220 };

/** Collapses runs of whitespace and trims. */
export const collapseWhitespace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Cuts text into the segments a local engine synthesises one after another, in
 * order: sentences, with a short first clause and long sentences cut at clause
 * boundaries (then word boundaries). Joining the segments with single spaces
 * gives the whitespace-collapsed input back: nothing is dropped or reordered.
 */
export const splitForSpeech = (text: string, options: SplitOptions = DEFAULT_SPLIT): string[] => {
  const sentences = splitSentences(collapseWhitespace(text));
  const segments: string[] = [];
  sentences.forEach((sentence, index) => {
    const limit = index === 0 ? options.firstSegmentChars : options.maxSegmentChars;
    if (sentence.length <= limit) {
      segments.push(sentence);
      return;
    }
    const max = options.maxSegmentChars;
    const [first, ...rest] = splitLongText(sentence, Math.min(limit, max), max);
    if (first !== undefined) segments.push(first);
    if (rest.length > 0) segments.push(...splitLongText(rest.join(' '), max, max));
  });
  return segments;
};
