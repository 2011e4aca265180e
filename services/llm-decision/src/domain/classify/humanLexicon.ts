import { stem } from '../text/stem';

/**
 * Words for "a person who works here". Strong terms are a request with almost any request verb
 * (`I need an agent`) or on their own (`operator`); weak ones (`someone`) only with a verb of
 * talking (`talk to someone`), since `someone can come out` is not a transfer.
 */
export const STRONG_HUMAN_TERMS: readonly string[] = [
  'human',
  'person',
  'agent',
  'representative',
  'rep',
  'operator',
  'manager',
  'supervisor',
  'staff',
  'employee',
  'associate',
  'specialist',
  'advisor',
  'adviser',
  'customer service',
  'customer care',
  'customer support',
];

/** Indefinite people: a request only with a verb of talking. */
export const WEAK_HUMAN_TERMS: readonly string[] = [
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'people',
];

/** The machine the caller is talking to: refusing it (`I don't want a robot`) asks for a person. */
export const MACHINE_TERMS: readonly string[] = [
  'robot',
  'machine',
  'bot',
  'computer',
  'automated',
  'recording',
  'ai',
];

/** Real words one edit away from a human term, never taken as a recognition error of it. */
export const NEAR_MISSES: ReadonlySet<string> = new Set([
  'manage',
  'managed',
  'managing',
  'management',
  'operate',
  'operated',
  'operates',
  'operation',
  'personal',
  'personally',
  'humor',
  'humid',
  'agency',
  'urgent',
  'agenda',
  'present',
  'superior',
  'staffing',
  'specialty',
  'special',
]);

const stems = (words: readonly string[]): ReadonlySet<string> => new Set(words.map(stem));

/** Verbs (as stems) that make a strong term a request: `get me an agent`, `I'd rather have a human`. */
export const STRONG_CUES: ReadonlySet<string> = stems([
  'speak',
  'talk',
  'chat',
  'transfer',
  'connect',
  'put',
  'get',
  'give',
  'want',
  'need',
  'like',
  'rather',
  'prefer',
  'reach',
  'find',
  'bring',
  'send',
  'escalate',
]);

/** Verbs (as stems) of talking: the only cues for weak terms. */
export const TALK_CUES: ReadonlySet<string> = stems([
  'speak',
  'talk',
  'chat',
  'transfer',
  'connect',
  'put',
  'reach',
]);

/** Verbs (as stems) with which refusing the machine means wanting a person (`I don't want a robot`). */
export const REFUSAL_VERBS: ReadonlySet<string> = stems(['want', 'deal', 'need', 'like']);

/** Two-word cues for weak terms (`get me someone`). */
export const WEAK_CUE_PAIRS: readonly (readonly [string, string])[] = [
  ['get', 'me'],
  ['give', 'me'],
  ['find', 'me'],
  ['i', 'can'],
  ['i', 'could'],
];

/** Asking what the agent is (`are you a real person`, `am I talking to a machine`). */
export const IDENTITY_PAIRS: readonly (readonly [string, string])[] = [
  ['are', 'you'],
  ['is', 'this'],
  ['is', 'it'],
  ['am', 'i'],
  ['was', 'that'],
  ['was', 'this'],
  ['are', 'they'],
];

/** Words allowed between an identity question and the term (`am I talking to a real…`). */
export const IDENTITY_FILLER: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'real',
  'actual',
  'live',
  'talking',
  'speaking',
  'to',
  'with',
  'even',
  'really',
  'just',
  'actually',
]);

/** Words that may stand around a strong term in a bare request (`a real person please`). */
export const BARE_EXTRAS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'real',
  'live',
  'actual',
  'please',
  'now',
  'right',
  'hello',
  'hey',
  'ok',
  'okay',
  'yes',
  'yeah',
  'just',
  'again',
  'oh',
  'come',
  'on',
  'being',
  'some',
  'kind',
  'of',
  'any',
]);

/** Phrases that are a transfer request without naming a person (`put me through`). */
export const TRANSFER_PHRASES: readonly string[] = [
  'transfer me',
  'put me through',
  'transfer the call',
  'transfer my call',
  'transfer this call',
  'connect me through',
  'escalate this',
  'escalate my call',
];
