/** Contractions with an apostrophe, expanded to their full words. */
const WITH_APOSTROPHE: Readonly<Record<string, string>> = {
  "can't": 'can not',
  "won't": 'will not',
  "shan't": 'shall not',
  "ain't": 'is not',
  "let's": 'let us',
};

/** Suffixes of contractions (checked after the whole-word table). */
const SUFFIXES: readonly (readonly [string, string])[] = [
  ["n't", ' not'],
  ["'re", ' are'],
  ["'m", ' am'],
  ["'ll", ' will'],
  ["'ve", ' have'],
  ["'d", ' would'],
];

/** Words whose `'s` means `is` (otherwise `'s` is a possessive and is dropped). */
const S_IS = new Set([
  'it',
  'that',
  'what',
  'there',
  'here',
  'he',
  'she',
  'who',
  'where',
  'how',
  'when',
  'why',
]);

/** Contractions a recogniser writes without the apostrophe, and colloquial fusions. */
const WITHOUT_APOSTROPHE: Readonly<Record<string, string>> = {
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  isnt: 'is not',
  arent: 'are not',
  wasnt: 'was not',
  werent: 'were not',
  cant: 'can not',
  cannot: 'can not',
  couldnt: 'could not',
  wouldnt: 'would not',
  shouldnt: 'should not',
  havent: 'have not',
  hasnt: 'has not',
  hadnt: 'had not',
  wont: 'will not',
  im: 'i am',
  ive: 'i have',
  youre: 'you are',
  theyre: 'they are',
  thats: 'that is',
  whats: 'what is',
  theres: 'there is',
  wanna: 'want to',
  gonna: 'going to',
  gotta: 'got to',
  gimme: 'give me',
  lemme: 'let me',
  kinda: 'kind of',
  outta: 'out of',
};

/**
 * Expands one lower-case word that may be a contraction (`don't`, `dont`, `it's`, `wanna`).
 * Possessive `'s` is dropped (`modem's` becomes `modem`).
 */
export function expandContraction(word: string): string {
  const whole = WITH_APOSTROPHE[word] ?? WITHOUT_APOSTROPHE[word];
  if (whole !== undefined) return whole;
  if (word.endsWith("'s")) {
    const stem = word.slice(0, -2);
    return S_IS.has(stem) ? `${stem} is` : stem;
  }
  for (const [suffix, expansion] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length > suffix.length) {
      return word.slice(0, -suffix.length) + expansion;
    }
  }
  return word.replace(/'/g, '');
}
