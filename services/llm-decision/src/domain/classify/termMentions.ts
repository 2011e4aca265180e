import { findPhrase } from '../text/findPhrase';
import type { NormalizedText } from '../text/normalizeText';

/** One place a lexicon term occurs in an utterance. */
export interface TermMention {
  /** The lexicon term (never the caller's words). */
  readonly term: string;
  readonly start: number;
  readonly end: number;
  /** 1 for an exact match, lower for a recognition-error match. */
  readonly score: number;
}

/**
 * Every mention of any of `terms` in `text`, tolerating recognition errors, except fuzzy matches
 * on a word listed in `nearMisses` (real words that only look like a term).
 */
export function findTermMentions(
  text: NormalizedText,
  terms: readonly string[],
  nearMisses: ReadonlySet<string> = new Set(),
): TermMention[] {
  const mentions: TermMention[] = [];
  for (const term of terms) {
    for (const match of findPhrase(text.tokens, term.split(' '), { maxGap: 0 })) {
      const heard = text.tokens.slice(match.start, match.end);
      if (match.score < 1 && heard.length === 1 && nearMisses.has(heard[0] ?? '')) continue;
      mentions.push({ term, ...match });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** The tokens before `start` in the same clause, nearest last, at most `max` of them. */
export function clauseBefore(text: NormalizedText, start: number, max: number): string[] {
  const clause = text.clauseOf[start];
  const out: string[] = [];
  for (let i = start - 1; i >= 0 && out.length < max && text.clauseOf[i] === clause; i -= 1) {
    out.unshift(text.tokens[i] ?? '');
  }
  return out;
}

/** The tokens from `end` in the same clause, at most `max` of them. */
export function clauseAfter(text: NormalizedText, end: number, max: number): string[] {
  const clause = text.clauseOf[end - 1];
  const out: string[] = [];
  for (
    let i = end;
    i < text.tokens.length && out.length < max && text.clauseOf[i] === clause;
    i += 1
  ) {
    out.push(text.tokens[i] ?? '');
  }
  return out;
}
