import { findPhrase } from '../text/findPhrase';
import { isNegated } from '../text/negation';
import type { NormalizedText } from '../text/normalizeText';
import { stem } from '../text/stem';
import {
  BARE_EXTRAS,
  IDENTITY_FILLER,
  IDENTITY_PAIRS,
  MACHINE_TERMS,
  NEAR_MISSES,
  REFUSAL_VERBS,
  STRONG_CUES,
  STRONG_HUMAN_TERMS,
  TALK_CUES,
  TRANSFER_PHRASES,
  WEAK_CUE_PAIRS,
  WEAK_HUMAN_TERMS,
} from './humanLexicon';
import { type TermMention, clauseAfter, clauseBefore, findTermMentions } from './termMentions';

/** What the explicit-request detector found in one utterance. */
export interface HumanRequest {
  /** The caller asked for a person. */
  readonly requested: boolean;
  /** The caller mentioned wanting a person but negated it (`I don't need a person`). */
  readonly negated: boolean;
  /** The lexicon term or profile phrase that fired (never the caller's own words). */
  readonly evidence?: string;
}

const CUE_WINDOW = 6;
const NOT_REQUESTED: HumanRequest = { requested: false, negated: false };

const hasPair = (
  words: readonly string[],
  pairs: readonly (readonly [string, string])[],
): boolean => words.some((w, i) => pairs.some(([a, b]) => w === a && words[i + 1] === b));

/** `are you a real person`, `am I talking to a machine`: a question about the agent, not a request. */
const isIdentityQuestion = (before: readonly string[]): boolean => {
  for (let i = before.length - 2; i >= 0; i -= 1) {
    if (IDENTITY_PAIRS.some(([a, b]) => before[i] === a && before[i + 1] === b)) {
      return before.slice(i + 2).every((w) => IDENTITY_FILLER.has(w));
    }
  }
  return false;
};

const hasStrongCue = (before: readonly string[]): boolean =>
  before.some(
    (w, i) =>
      STRONG_CUES.has(stem(w)) ||
      (w === 'have' && ['can', 'could', 'may'].includes(before[i - 2] ?? '')),
  ) ||
  hasPair(before, [
    ['is', 'there'],
    ['are', 'there'],
  ]);

const hasTalkCue = (before: readonly string[]): boolean =>
  before.some((w) => TALK_CUES.has(stem(w))) || hasPair(before, WEAK_CUE_PAIRS);

/** `a human I can talk to`, `someone I could speak with`. */
const hasTalkAfter = (after: readonly string[]): boolean =>
  after.some((w, i) => ['can', 'could'].includes(after[i - 1] ?? '') && TALK_CUES.has(stem(w)));

/** The whole utterance is the term and courtesy words: `operator`, `a real person please`. */
const isBare = (text: NormalizedText, mentions: readonly TermMention[]): boolean =>
  mentions.length > 0 &&
  text.tokens.every(
    (w, i) => BARE_EXTRAS.has(w) || mentions.some((m) => i >= m.start && i < m.end),
  );

type Verdict = 'request' | 'negated' | 'none';

const judgeMention = (text: NormalizedText, m: TermMention, strong: boolean): Verdict => {
  const before = clauseBefore(text, m.start, CUE_WINDOW);
  if (isIdentityQuestion(before) || before[before.length - 1] === 'in') return 'none';
  const after = clauseAfter(text, m.end, 4);
  const cued = strong
    ? hasStrongCue(before) || hasTalkAfter(after)
    : hasTalkCue(before) || hasTalkAfter(after);
  if (!cued) return 'none';
  return isNegated(text, m.start) ? 'negated' : 'request';
};

/** `I don't want to talk to a robot`: refusing the machine asks for a person. */
const refusesMachine = (text: NormalizedText): string | undefined =>
  findTermMentions(text, MACHINE_TERMS).find((m) => {
    if (!isNegated(text, m.start)) return false;
    const before = clauseBefore(text, m.start, CUE_WINDOW);
    return hasTalkCue(before) || before.some((w) => REFUSAL_VERBS.has(stem(w)));
  })?.term;

/**
 * Detects an explicit request for a person, robust to recognition errors (`human bean`,
 * `real purse in`, `a gent`) and to negation (`I don't need a person, just tell me the hours`).
 * Fires on: a profile phrase; a strong term (`agent`, `representative`…) with a request verb or
 * on its own; a weak term (`someone`) with a verb of talking; a transfer phrase (`put me
 * through`); or refusing the machine. Questions about the agent (`are you a real person?`) and
 * people mentioned in passing (`the agent I spoke to yesterday`) do not fire.
 */
export function detectHumanRequest(
  text: NormalizedText,
  profilePhrases: readonly (readonly string[])[] = [],
): HumanRequest {
  let negated = false;
  for (const phrase of profilePhrases) {
    for (const m of findPhrase(text.tokens, phrase)) {
      if (isIdentityQuestion(clauseBefore(text, m.start, CUE_WINDOW))) continue;
      if (!isNegated(text, m.start))
        return { requested: true, negated: false, evidence: phrase.join(' ') };
      negated = true;
    }
  }
  const strong = findTermMentions(text, STRONG_HUMAN_TERMS, NEAR_MISSES);
  if (isBare(text, strong))
    return { requested: true, negated: false, evidence: strong[0]?.term ?? '' };
  const mentions = [
    ...strong.map((m) => ({ m, strong: true })),
    ...findTermMentions(text, WEAK_HUMAN_TERMS).map((m) => ({ m, strong: false })),
  ];
  for (const { m, strong: isStrong } of mentions) {
    const verdict = judgeMention(text, m, isStrong);
    if (verdict === 'request') return { requested: true, negated: false, evidence: m.term };
    if (verdict === 'negated') negated = true;
  }
  for (const phrase of TRANSFER_PHRASES) {
    const hit = findPhrase(text.tokens, phrase.split(' '), { fuzzy: false, maxGap: 0 }).find(
      (m) => !isNegated(text, m.start),
    );
    if (hit !== undefined) return { requested: true, negated: false, evidence: phrase };
  }
  const machine = refusesMachine(text);
  if (machine !== undefined)
    return { requested: true, negated: false, evidence: `not a ${machine}` };
  return negated ? { requested: false, negated: true } : NOT_REQUESTED;
}
