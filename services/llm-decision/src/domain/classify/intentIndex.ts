import type { Intent } from '../profile/agentProfile';
import { normalizeText } from '../text/normalizeText';
import { type SynonymTable, canonicalTerms } from './canonicalTerms';

/** A sparse term-weight vector with its Euclidean norm. */
export interface TermVector {
  readonly weights: ReadonlyMap<string, number>;
  readonly norm: number;
}

/** One intent, ready for matching. */
export interface IndexedIntent {
  readonly id: string;
  readonly examples: readonly TermVector[];
  /** Each keyword as canonical terms; all present in a query gives a bonus. */
  readonly keywords: readonly (readonly string[])[];
}

/** A TF-IDF index over a profile's intents. */
export interface IntentIndex {
  readonly intents: readonly IndexedIntent[];
  readonly idf: ReadonlyMap<string, number>;
  /** Weight of a term the profile never uses (the rarest possible). */
  readonly unknownIdf: number;
  readonly synonyms: SynonymTable;
}

/** Builds a TF-IDF vector from terms. */
export function termVector(terms: readonly string[], idf: (term: string) => number): TermVector {
  const weights = new Map<string, number>();
  for (const t of terms) weights.set(t, (weights.get(t) ?? 0) + idf(t));
  const norm = Math.sqrt([...weights.values()].reduce((sum, w) => sum + w * w, 0));
  return { weights, norm };
}

/**
 * Indexes intents for {@link matchIntent}: each example phrase becomes a TF-IDF vector over
 * canonical terms, where a term's IDF is `ln(1 + N / df)` and `df` counts the intents using it.
 */
export function buildIntentIndex(intents: readonly Intent[], synonyms: SynonymTable): IntentIndex {
  const termsOf = (s: string) => canonicalTerms(normalizeText(s).tokens, synonyms);
  const docs = intents.map((intent) => ({
    intent,
    examples: intent.examples.map(termsOf),
    keywords: intent.keywords.map(termsOf).filter((k) => k.length > 0),
  }));
  const df = new Map<string, number>();
  for (const doc of docs) {
    for (const term of new Set([...doc.examples.flat(), ...doc.keywords.flat()]))
      df.set(term, (df.get(term) ?? 0) + 1);
  }
  const n = Math.max(1, intents.length);
  const idf = new Map([...df].map(([term, count]) => [term, Math.log(1 + n / count)]));
  const unknownIdf = Math.log(1 + n);
  return {
    intents: docs.map((doc) => ({
      id: doc.intent.id,
      examples: doc.examples.map((terms) => termVector(terms, (t) => idf.get(t) ?? unknownIdf)),
      keywords: doc.keywords,
    })),
    idf,
    unknownIdf,
    synonyms,
  };
}
