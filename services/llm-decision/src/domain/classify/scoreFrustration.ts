import { isNegated } from '../text/negation';
import type { NormalizedText } from '../text/normalizeText';
import {
  CLAUSE_INITIAL_ONLY,
  INTENSIFIERS,
  MANY,
  NEGATIVE_LEXICON,
  POSITIVE_LEXICON,
  SARCASM_MARKERS,
} from './sentimentLexicon';

/** What the frustration classifier knows about the conversation so far. */
export interface FrustrationContext {
  /** The previous turn was a failure or already negative (sarcasm is likely). */
  readonly previousBad: boolean;
  /** How many turns in a row, before this one, were negative. */
  readonly negativeStreak: number;
  /** This turn repeats an earlier question. */
  readonly repeated: boolean;
  /** This turn rejects the agent's last answer (`that doesn't help`). */
  readonly rejected: boolean;
}

/** One turn's frustration. */
export interface FrustrationScore {
  /** Added to the decayed conversation level; negative for a calm, thankful turn. */
  readonly score: number;
  /** The turn expressed displeasure (lexicon, sarcasm, shouting or a rejection). */
  readonly negative: boolean;
  /** What contributed, for the decision's detail (lexicon entries, never caller text). */
  readonly cues: readonly string[];
}

const LEXICAL_CAP = 4;

/** Sublinear sum: the strongest cue counts fully, every further one half (repeats of one cue count once). */
const combine = (weights: ReadonlyMap<string, number>): number => {
  const sorted = [...weights.values()].sort((a, b) => b - a);
  return (sorted[0] ?? 0) + 0.5 * sorted.slice(1).reduce((s, w) => s + w, 0);
};
const phrases = (lexicon: Readonly<Record<string, number>>) =>
  Object.entries(lexicon)
    .map(([p, w]) => ({ words: p.split(' '), weight: w, phrase: p }))
    .sort((a, b) => b.words.length - a.words.length);
const NEGATIVE = phrases(NEGATIVE_LEXICON);
const POSITIVE = phrases(POSITIVE_LEXICON);

const at = (tokens: readonly string[], i: number, words: readonly string[]) =>
  words.every((w, j) => tokens[i + j] === w);

const sentimentNegated = (text: NormalizedText, i: number): boolean => {
  const window = text.tokens.slice(Math.max(0, i - 3), i);
  return (window.includes('not') || window.includes('never')) && isNegated(text, i);
};

/** ALL-CAPS shouting and exclamation marks, read from the raw transcript. */
const shouting = (raw: string, cues: string[]): number => {
  const upper = (raw.match(/[A-Z]/g) ?? []).length;
  const lower = (raw.match(/[a-z]/g) ?? []).length;
  const words = raw.trim().split(/\s+/).length;
  let score = 0;
  if (upper >= 6 && upper / (upper + lower) >= 0.7 && words >= 2) {
    score += 1;
    cues.push('all caps');
  }
  const bangs = (raw.match(/!/g) ?? []).length;
  if (bangs > 0) cues.push('exclamation');
  return score + Math.min(0.9, bangs * 0.3);
};

/**
 * Scores one caller turn for frustration: a sentiment lexicon (cues combined sublinearly,
 * capped) with intensifiers (`so fed up`)
 * and negation (`not bad` calms, `not helpful` annoys), sarcasm (`oh great, really helpful`
 * after a bad turn), ALL-CAPS and exclamation marks, `five times`, rejections, repeated
 * negatives across turns and repeated questions.
 */
export function scoreFrustration(
  raw: string,
  text: NormalizedText,
  context: FrustrationContext,
): FrustrationScore {
  const cues: string[] = [];
  const used = new Set<number>();
  const negatives = new Map<string, number>();
  let positive = 0;
  const addNegative = (cue: string, weight: number) => {
    negatives.set(cue, Math.max(weight, negatives.get(cue) ?? 0));
    if (!cues.includes(cue)) cues.push(cue);
  };
  const { tokens } = text;
  for (let i = 0; i < tokens.length; i += 1) {
    const neg = NEGATIVE.find((e) => at(tokens, i, e.words));
    const pos = neg === undefined ? POSITIVE.find((e) => at(tokens, i, e.words)) : undefined;
    const entry = neg ?? pos;
    if (entry === undefined || used.has(i)) continue;
    const clauseStart =
      i === 0 || text.clauseOf[i - 1] !== text.clauseOf[i] || tokens[i - 1] === 'oh';
    if (CLAUSE_INITIAL_ONLY.has(entry.phrase) && !clauseStart) continue;
    entry.words.forEach((_, j) => used.add(i + j));
    const boost =
      INTENSIFIERS.has(tokens[i - 1] ?? '') || INTENSIFIERS.has(tokens[i - 2] ?? '') ? 1.5 : 1;
    const weight = entry.weight * boost;
    const flipped = sentimentNegated(text, i);
    if (neg !== undefined) {
      if (flipped) positive += weight * 0.3;
      else addNegative(entry.phrase, weight);
    } else if (flipped) addNegative(`not ${entry.phrase}`, weight);
    else positive += weight;
  }
  for (let i = 1; i < tokens.length; i += 1) {
    if (tokens[i] === 'times' && MANY.has(tokens[i - 1] ?? '')) addNegative('many times', 1);
  }
  const sarcastic =
    positive > 0 &&
    (context.previousBad || negatives.size > 0 || context.rejected) &&
    tokens.some(
      (w, i) =>
        POSITIVE_LEXICON[w] !== undefined &&
        (SARCASM_MARKERS.has(tokens[i - 1] ?? '') || SARCASM_MARKERS.has(tokens[i + 1] ?? '')),
    );
  if (sarcastic) {
    addNegative('sarcasm', positive);
    positive = 0;
  }
  let score = Math.min(LEXICAL_CAP, combine(negatives)) + shouting(raw, cues);
  if (context.rejected) score += 0.5;
  const isNegative = score > 0.25 || context.rejected;
  if (isNegative && context.negativeStreak > 0) score += 0.3 * Math.min(3, context.negativeStreak);
  if (context.repeated) score += 0.3;
  if (context.rejected) cues.push('rejected answer');
  if (context.repeated) cues.push('repetition');
  score -= 0.5 * positive;
  return { score: Math.max(-1, score), negative: isNegative, cues };
}
