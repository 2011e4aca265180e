import type { NormalizedText } from './normalizeText';

/** Words that negate what follows them in the same clause. */
const SCOPE_NEGATORS = new Set(['not', 'never', 'without', 'nor', 'neither', 'nobody']);

/** Phrases after which nothing in the clause is wanted (`no need for a person`). */
const NO_NEED = ['need', 'thanks', 'thank', 'way'];

/** After these, `no` is an interjection (`no, I'm all set`, `no that's everything`), not a negation. */
const NOT_AFTER_NO = new Set([
  'i',
  'you',
  'we',
  'they',
  'that',
  'it',
  'this',
  'thanks',
  'thank',
  'please',
]);

/** Subject pronouns: `can not i` / `why can not you` is a question, not a negation. */
const PRONOUNS = new Set(['i', 'you', 'we', 'they']);

/** How far back (in tokens, within the clause) a negator reaches. */
const MAX_SCOPE = 8;

/**
 * True when the words from `start` are negated: a negator (`not`, `never`, `without`…) earlier
 * in the same clause, within eight words, or `no` right before them (`no human`, `no real
 * person`, but not `no, I'm all set`) or as `no need`. Question inversion (`why can't I talk to…`) is not a negation,
 * and a clause boundary (punctuation, `but`, `just`…) ends the scope.
 */
export function isNegated(text: NormalizedText, start: number): boolean {
  const clause = text.clauseOf[start];
  for (let i = start - 1; i >= 0 && start - i <= MAX_SCOPE; i -= 1) {
    if (text.clauseOf[i] !== clause) return false;
    const word = text.tokens[i] ?? '';
    if (SCOPE_NEGATORS.has(word) && !PRONOUNS.has(text.tokens[i + 1] ?? '')) return true;
    if (word === 'no') {
      const next = text.tokens[i + 1] ?? '';
      if (NO_NEED.includes(next) || (start - i <= 2 && !NOT_AFTER_NO.has(next))) return true;
    }
  }
  return false;
}
