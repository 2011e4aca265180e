/** Words after which a full stop does not end a sentence (compared lower-case, without the dot). */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'no',
  'inc',
  'ltd',
  'co',
  'corp',
  'approx',
  'dept',
  'est',
  'fig',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
]);

/** A sentence end: terminators, then optional closing quotes or brackets. */
const SENTENCE_END = /[.!?…]+["'”’)\]]*$/;
const CLOSERS = /["'”’)\]]+$/;

const endsSentence = (word: string): boolean => {
  if (!SENTENCE_END.test(word)) return false;
  const bare = word.replace(CLOSERS, '');
  if (!bare.endsWith('.') || bare.endsWith('..')) return true; // ! ? … and ellipses end sentences
  const stem = bare.slice(0, -1).toLowerCase();
  if (ABBREVIATIONS.has(stem)) return false;
  return !/^[a-z]$/i.test(stem); // an initial: "J. Smith"
};

/**
 * Splits whitespace-collapsed text into sentences at `.`, `!`, `?` or `…`
 * followed by a space, except after common abbreviations and initials.
 * Decimals (`3.5`) and URLs never split because no space follows the dot.
 */
export const splitSentences = (text: string): string[] => {
  if (text.length === 0) return [];
  const sentences: string[] = [];
  let current: string[] = [];
  for (const word of text.split(' ')) {
    current.push(word);
    if (endsSentence(word)) {
      sentences.push(current.join(' '));
      current = [];
    }
  }
  if (current.length > 0) sentences.push(current.join(' '));
  return sentences;
};
