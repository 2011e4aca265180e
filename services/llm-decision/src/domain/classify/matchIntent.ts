import { tokenSimilarity } from '../text/tokenSimilarity';
import { canonicalTerms } from './canonicalTerms';
import { type IntentIndex, type TermVector, termVector } from './intentIndex';

/** The best intent for an utterance. */
export interface IntentMatch {
  /** The best-scoring intent (whether or not it reaches the profile's threshold). */
  readonly intentId?: string;
  /** 0..1: the best example's cosine similarity plus a keyword bonus. */
  readonly score: number;
  /** The utterance's canonical terms. */
  readonly terms: readonly string[];
  /** Share of those terms the profile knows (after recognition-error mapping), 0..1. */
  readonly known: number;
}

/** Shortest stem mapped to a known term as a recognition error (shorter stems collide too often). */
const MIN_FUZZY_LENGTH = 5;

const KEYWORD_BONUS = 0.25;

/** Maps a term the profile never uses to the closest known term (recognition errors). */
const mapTerm = (
  term: string,
  index: IntentIndex,
): { term: string; factor: number } | undefined => {
  if (index.idf.has(term)) return { term, factor: 1 };
  let best: { term: string; factor: number } | undefined;
  for (const known of index.idf.keys()) {
    const similarity = term.length >= MIN_FUZZY_LENGTH ? tokenSimilarity(term, known) : 0;
    if (similarity >= 0.8 && (best === undefined || similarity > best.factor))
      best = { term: known, factor: similarity };
  }
  return best;
};

const cosine = (a: TermVector, b: TermVector): number => {
  if (a.norm === 0 || b.norm === 0) return 0;
  let dot = 0;
  for (const [term, weight] of a.weights) dot += weight * (b.weights.get(term) ?? 0);
  return dot / (a.norm * b.norm);
};

/**
 * Scores every intent against the caller's tokens (TF-IDF cosine with the closest example,
 * synonyms applied, unknown words mapped to known ones when they look like recognition
 * errors, a bonus when a keyword is literally present) and returns the best.
 */
export function matchIntent(index: IntentIndex, tokens: readonly string[]): IntentMatch {
  const terms = canonicalTerms(tokens, index.synonyms);
  const mapped = terms.map((t) => mapTerm(t, index));
  const known =
    terms.length === 0 ? 0 : mapped.filter((m) => m !== undefined).length / terms.length;
  const queryTerms = mapped.map((m, i) => m?.term ?? `?${terms[i] ?? ''}`);
  const factors = new Map(
    mapped.flatMap((m) => (m === undefined ? [] : [[m.term, m.factor] as const])),
  );
  const query = termVector(
    queryTerms,
    (t) => (index.idf.get(t) ?? index.unknownIdf) * (factors.get(t) ?? 1),
  );
  const present = new Set(terms.filter((t) => index.idf.has(t)));
  let best: { id: string; score: number } | undefined;
  for (const intent of index.intents) {
    const similarity = Math.max(0, ...intent.examples.map((e) => cosine(query, e)));
    const bonus = intent.keywords.some((k) => k.every((t) => present.has(t))) ? KEYWORD_BONUS : 0;
    const score = Math.min(1, similarity + (similarity > 0 || bonus > 0 ? bonus : 0));
    if (best === undefined || score > best.score) best = { id: intent.id, score };
  }
  return {
    ...(best === undefined || best.score === 0 ? {} : { intentId: best.id }),
    score: best?.score ?? 0,
    terms,
    known,
  };
}
