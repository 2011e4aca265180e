import { editDistance } from './editDistance';
import { metaphone } from './metaphone';
import { stem } from './stem';

/** Shortest Metaphone key trusted on its own: three-consonant keys collide (`friday`/`fraud` are both FRT). */
const MIN_PHONETIC_KEY = 4;

/** How many edits a word of this length may differ by and still count as a recognition error. */
const allowedEdits = (length: number): number => (length >= 8 ? 2 : length >= 4 ? 1 : 0);

/**
 * How alike a heard word and an expected word are, 0..1: 1 for the same stem, 0.85 within a
 * small edit distance (`pearson`/`person`, `complain`/`complaint`), 0.8 for the same
 * Metaphone key (of at least four codes) and first letter (`pursein`/`person`), else 0. Words under four letters must
 * match exactly, so short function words never drift.
 */
export function tokenSimilarity(heard: string, expected: string): number {
  if (heard === expected || stem(heard) === stem(expected)) return 1;
  if (expected.length < 4 || heard.length < 3) return 0;
  const limit = allowedEdits(Math.min(heard.length, expected.length));
  if (limit > 0 && editDistance(heard, expected, limit) <= limit) return 0.85;
  if (heard[0] === expected[0] && heard.length >= 4) {
    const key = metaphone(expected);
    if (key.length >= MIN_PHONETIC_KEY && metaphone(heard) === key) return 0.8;
  }
  return 0;
}
