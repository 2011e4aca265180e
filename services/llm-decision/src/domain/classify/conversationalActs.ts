import { findPhrase } from '../text/findPhrase';
import type { NormalizedText } from '../text/normalizeText';
import { contentTokens } from '../text/stopwords';

/** Utterances that manage the conversation rather than ask something. */
export type ConversationalAct = 'greeting' | 'acknowledgement' | 'affirm' | 'deny' | 'preamble';

const GREETINGS = ['hi', 'hello', 'hey', 'hiya', 'good morning', 'good afternoon', 'good evening'];
const GREETING_EXTRAS = new Set([
  'there',
  'everyone',
  'support',
  'morning',
  'afternoon',
  'evening',
  'good',
  'line',
]);
const ACK_OPENERS = new Set([
  'ok',
  'okay',
  'alright',
  'great',
  'thanks',
  'thank',
  'cool',
  'perfect',
  'awesome',
  'oh',
  'nice',
  'lovely',
  'brilliant',
  'excellent',
  'fine',
  'got',
  'found',
  'right',
]);
const ACK_PHRASES = [
  'thank you',
  'thanks',
  'got it',
  'sounds good',
  'makes sense',
  'found it',
  'that worked',
  'it worked',
  'will do',
  'i will try',
  'fair enough',
];
const AFFIRM = new Set([
  'yes',
  'yeah',
  'yep',
  'yup',
  'sure',
  'please',
  'ok',
  'okay',
  'alright',
  'definitely',
  'absolutely',
  'go',
  'ahead',
  'that',
  'would',
  'be',
  'great',
  'thanks',
  'thank',
  'you',
]);
const DENY = new Set([
  'no',
  'nope',
  'nah',
  'not',
  'now',
  'right',
  'thanks',
  'thank',
  'you',
  'i',
  'am',
  'good',
  'fine',
  'really',
]);
const PREAMBLES = [
  'i have a question',
  'i have a few questions',
  'quick question',
  'i need help',
  'i need some help',
  'i am calling about',
  'i have a problem',
  'i need help with',
];
const QUESTION_OPENERS = new Set([
  'can',
  'could',
  'do',
  'does',
  'is',
  'are',
  'will',
  'would',
  'should',
  'may',
  'did',
  'am',
]);
const QUESTION_WORDS = new Set(['what', 'when', 'where', 'why', 'how', 'who', 'which']);
const CONNECTORS = new Set([
  'and',
  'ok',
  'okay',
  'so',
  'also',
  'oh',
  'well',
  'then',
  'first',
  'second',
  'but',
  'just',
  'actually',
  'sorry',
  'um',
]);

/** The tokens of each clause, in order. */
const clauses = (text: NormalizedText): string[][] => {
  const out = new Map<number, string[]>();
  text.tokens.forEach((w, i) => {
    const id = text.clauseOf[i] ?? 0;
    out.set(id, [...(out.get(id) ?? []), w]);
  });
  return [...out.values()];
};

/** True for a question: a question mark, a question word, or a clause opening with `can`, `is`, `do`… */
export function isQuestion(text: NormalizedText): boolean {
  if (text.questionMark || text.tokens.some((w) => QUESTION_WORDS.has(w))) return true;
  return clauses(text).some((words) =>
    QUESTION_OPENERS.has(words.find((w) => !CONNECTORS.has(w)) ?? ''),
  );
}

const only = (text: NormalizedText, words: ReadonlySet<string>): boolean =>
  text.tokens.length > 0 && text.tokens.every((w) => words.has(w));

const startsWithPhrase = (text: NormalizedText, phrases: readonly string[]): number | undefined => {
  for (const p of phrases) {
    const words = p.split(' ');
    const hit = findPhrase(text.tokens, words, {
      fuzzy: false,
      maxGap: 0,
      optionalWords: false,
    }).find((m) => m.start <= 1);
    if (hit !== undefined) return hit.end;
  }
  return undefined;
};

const isGreeting = (text: NormalizedText, businessWords: ReadonlySet<string>): boolean => {
  const end = startsWithPhrase(text, GREETINGS);
  if (end === undefined) return false;
  const rest = contentTokens(text.tokens.slice(end));
  return rest.every((w) => GREETING_EXTRAS.has(w) || businessWords.has(w));
};

/**
 * Classifies an utterance that manages the conversation: a greeting (`hi`, `hello, is this
 * Acme`), an acknowledgement (opening with `ok`/`great`…, ending in thanks, or a short `sounds
 * good`), a bare yes
 * or no, or a preamble (`I have a question`). Questions are never acknowledgements.
 * `businessWords` are the business's name in lower case. Undefined for anything else.
 */
export function classifyConversationalAct(
  text: NormalizedText,
  businessWords: ReadonlySet<string> = new Set(),
): ConversationalAct | undefined {
  if (text.tokens.length === 0) return undefined;
  if (only(text, DENY) && ['no', 'nope', 'nah'].includes(text.tokens[0] ?? '')) return 'deny';
  if (only(text, AFFIRM)) return 'affirm';
  if (isGreeting(text, businessWords)) return 'greeting';
  if (isQuestion(text)) return undefined;
  if (startsWithPhrase(text, PREAMBLES) !== undefined && text.tokens.length <= 7) return 'preamble';
  if (ACK_OPENERS.has(text.tokens[0] ?? '')) return 'acknowledgement';
  const last = text.tokens[text.tokens.length - 1];
  if (last === 'thanks' || (last === 'you' && text.tokens[text.tokens.length - 2] === 'thank'))
    return 'acknowledgement';
  const ackPhrase = ACK_PHRASES.some(
    (p) =>
      findPhrase(text.tokens, p.split(' '), { fuzzy: false, maxGap: 0, optionalWords: false })
        .length > 0,
  );
  return ackPhrase && text.tokens.length <= 4 ? 'acknowledgement' : undefined;
}
