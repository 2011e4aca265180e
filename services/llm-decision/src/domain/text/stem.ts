const VOWEL = /[aeiouy]/;

const undouble = (word: string): string =>
  word.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(word) ? word.slice(0, -1) : word;

const stripSuffix = (word: string): string => {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('ing') && VOWEL.test(word.slice(0, -3)) && word.length > 5)
    return word.slice(0, -3);
  if (word.endsWith('ed') && VOWEL.test(word.slice(0, -2)) && word.length > 4)
    return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) {
    return word.slice(0, -1);
  }
  return word;
};

/**
 * A light suffix-stripping stemmer for matching (not for display): plurals, `-ing`, `-ed`,
 * a final double consonant and a final `e` are removed, so `cancelling`, `cancelled` and
 * `cancel`, or `moving` and `move`, share a stem.
 */
export function stem(word: string): string {
  const stripped = undouble(stripSuffix(word));
  return stripped.length > 3 && stripped.endsWith('e') ? stripped.slice(0, -1) : stripped;
}
