import { stem } from './stem';
import { tokenSimilarity } from './tokenSimilarity';

/** Where a phrase was found in a token list. */
export interface PhraseMatch {
  /** Index of the first caller token of the match. */
  readonly start: number;
  /** Index one past the last caller token of the match. */
  readonly end: number;
  /** 0..1: 1 for an exact (stem) match, lower for fuzzy or gapped matches. */
  readonly score: number;
}

/** Options for {@link findPhrase}. */
export interface FindPhraseOptions {
  /** Tolerate recognition errors (edit distance, phonetic keys, split words). Default true. */
  readonly fuzzy?: boolean;
  /** Caller words allowed between two phrase words (`talk to an actual person`). Default 1. */
  readonly maxGap?: number;
  /** Lowest score accepted. Default 0.75. */
  readonly minScore?: number;
  /** Treat articles and possessives (`a`, `the`, `my`…) in the phrase as optional. Default true. */
  readonly optionalWords?: boolean;
}

/** Words a phrase may skip or a caller may insert freely. */
const OPTIONAL = new Set(['a', 'an', 'the', 'my', 'your', 'some', 'this', 'that']);

const GAP_PENALTY = 0.05;

/** Best match of one phrase word at `at`, also trying two or three caller words run together. */
const matchWord = (
  tokens: readonly string[],
  at: number,
  word: string,
  fuzzy: boolean,
): { readonly length: number; readonly score: number } | undefined => {
  const first = tokens[at];
  if (first === undefined) return undefined;
  if (first === word || stem(first) === stem(word)) return { length: 1, score: 1 };
  if (!fuzzy) return undefined;
  let best: { length: number; score: number } | undefined;
  let joined = first;
  for (let length = 1; length <= 3 && at + length <= tokens.length; length += 1) {
    if (length > 1) joined += tokens[at + length - 1] ?? '';
    if (length > 1 && joined === word) return { length, score: 0.95 };
    const score = tokenSimilarity(joined, word) * (length > 1 ? 0.95 : 1);
    if (score > 0 && (best === undefined || score > best.score)) best = { length, score };
  }
  return best;
};

/** The next phrase word at or after `position`, skipping optional words and up to `maxGap` others. */
const matchNext = (
  tokens: readonly string[],
  position: number,
  word: string,
  fuzzy: boolean,
  maxGap: number,
): { readonly at: number; readonly length: number; readonly score: number } | undefined => {
  let skipped = 0;
  for (let at = position; at < tokens.length; at += 1) {
    const hit = matchWord(tokens, at, word, fuzzy);
    if (hit !== undefined)
      return { at, length: hit.length, score: hit.score - skipped * GAP_PENALTY };
    if (!OPTIONAL.has(tokens[at] ?? '')) skipped += 1;
    if (skipped > maxGap) return undefined;
  }
  return undefined;
};

const matchFrom = (
  tokens: readonly string[],
  start: number,
  words: readonly string[],
  fuzzy: boolean,
  maxGap: number,
): PhraseMatch | undefined => {
  const first = matchWord(tokens, start, words[0] ?? '', fuzzy);
  if (first === undefined) return undefined;
  let position = start + first.length;
  let total = first.score;
  for (const word of words.slice(1)) {
    const next = matchNext(tokens, position, word, fuzzy, maxGap);
    if (next === undefined) return undefined;
    total += next.score;
    position = next.at + next.length;
  }
  return { start, end: position, score: total / words.length };
};

/**
 * Finds every occurrence of `phrase` (already normalised words) in `tokens`: words compared by
 * stem, optionally fuzzily (recognition errors, words split in two or three), with small gaps
 * allowed and articles/possessives optional on both sides. Matches do not overlap.
 */
export function findPhrase(
  tokens: readonly string[],
  phrase: readonly string[],
  options: FindPhraseOptions = {},
): PhraseMatch[] {
  const fuzzy = options.fuzzy ?? true;
  const maxGap = options.maxGap ?? 1;
  const minScore = options.minScore ?? 0.75;
  const words = options.optionalWords === false ? phrase : phrase.filter((w) => !OPTIONAL.has(w));
  const wanted = words.length > 0 ? words : phrase;
  const matches: PhraseMatch[] = [];
  for (let start = 0; start < tokens.length; start += 1) {
    const match = matchFrom(tokens, start, wanted, fuzzy, maxGap);
    if (match !== undefined && match.score >= minScore) {
      matches.push(match);
      start = match.end - 1;
    }
  }
  return matches;
}
