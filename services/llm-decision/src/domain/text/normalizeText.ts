import { expandContraction } from './contractions';
import { replaceNumbers } from './numbersToWords';

/** A caller utterance reduced to comparable tokens. */
export interface NormalizedText {
  /** Lower-case words, contractions expanded, numbers spelled, punctuation and fillers removed. */
  readonly tokens: readonly string[];
  /** For each token, the index of the clause it belongs to (punctuation and `but`/`just`… split clauses). */
  readonly clauseOf: readonly number[];
  /** True when the raw text contained a question mark. */
  readonly questionMark: boolean;
}

/** Hesitations that carry no meaning. */
const FILLERS = new Set([
  'um',
  'umm',
  'uh',
  'uhh',
  'er',
  'erm',
  'hmm',
  'mm',
  'mmm',
  'mhm',
  'ah',
  'eh',
]);

/** Words that start a new clause for negation scope (`I don't need a person, just tell me…`). */
const CLAUSE_BREAKERS = new Set([
  'but',
  'just',
  'so',
  'because',
  'though',
  'although',
  'instead',
  'then',
  'and',
]);

const CLAUSE_PUNCTUATION = /[.,;:!?]+/g;

/**
 * Normalises a final transcript: lower case, typographic quotes, bracketed non-speech tags
 * (`[inaudible]`) removed, contractions expanded (`don't` → `do not`, `wanna` → `want to`),
 * numbers spelled as words, punctuation removed, and clause boundaries kept for negation scope.
 */
export function normalizeText(raw: string): NormalizedText {
  const text = raw
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/\[[^\]]*\]|<[^>]*>/g, ' ')
    .replace(/&/g, ' and ')
    .replace(/\+/g, ' plus ')
    .replace(/%/g, ' percent ');
  const tokens: string[] = [];
  const clauseOf: number[] = [];
  let clause = 0;
  for (const part of replaceNumbers(text).split(CLAUSE_PUNCTUATION)) {
    for (const rawWord of part.split(/[^a-z']+/)) {
      const word = rawWord.replace(/^'+|'+$/g, '');
      if (word === '') continue;
      for (const expanded of expandContraction(word).split(' ')) {
        if (expanded === '' || FILLERS.has(expanded)) continue;
        if (CLAUSE_BREAKERS.has(expanded) && tokens.length > 0) clause += 1;
        tokens.push(expanded);
        clauseOf.push(clause);
      }
    }
    clause += 1;
  }
  return { tokens, clauseOf, questionMark: raw.includes('?') };
}
