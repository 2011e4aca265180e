const VOWELS = 'aeiou';
const isVowel = (c: string | undefined): boolean => c !== undefined && VOWELS.includes(c);
const FRONT = 'eiy';
const isFront = (c: string | undefined): boolean => c !== undefined && FRONT.includes(c);

/** Initial letter pairs whose first letter is silent (`knee`, `gnome`, `pneumonia`, `wrist`). */
const SILENT_FIRST = /^(kn|gn|pn|ae|wr)/;

/** The code for one letter in context; '' when the letter is silent. */
const encode = (w: string, i: number): string => {
  const c = w[i] ?? '';
  const prev = w[i - 1];
  const next = w[i + 1];
  const next2 = w[i + 2];
  switch (c) {
    case 'b':
      return prev === 'm' && i === w.length - 1 ? '' : 'B';
    case 'c':
      if (next === 'i' && next2 === 'a') return 'X';
      if (next === 'h') return prev === 's' ? 'K' : 'X';
      if (isFront(next)) return prev === 's' ? '' : 'S';
      return 'K';
    case 'd':
      return next === 'g' && isFront(next2) ? 'J' : 'T';
    case 'g':
      if (next === 'h' && !isVowel(next2) && i + 2 < w.length) return '';
      if (next === 'n' && (i + 2 === w.length || (next2 === 'e' && w[i + 3] === 'd'))) return '';
      if (prev === 'g') return '';
      return isFront(next) ? 'J' : 'K';
    case 'h':
      if (prev !== undefined && 'csptg'.includes(prev)) return '';
      return isVowel(prev) && !isVowel(next) ? '' : isVowel(next) ? 'H' : '';
    case 'k':
      return prev === 'c' ? '' : 'K';
    case 'p':
      return next === 'h' ? 'F' : 'P';
    case 'q':
      return 'K';
    case 's':
      if (next === 'h' || (next === 'i' && (next2 === 'o' || next2 === 'a'))) return 'X';
      return 'S';
    case 't':
      if (next === 'i' && (next2 === 'o' || next2 === 'a')) return 'X';
      if (next === 'h') return '0';
      return next === 'c' && next2 === 'h' ? '' : 'T';
    case 'v':
      return 'F';
    case 'w':
    case 'y':
      return isVowel(next) ? c.toUpperCase() : '';
    case 'x':
      return 'KS';
    case 'z':
      return 'S';
    case 'f':
    case 'j':
    case 'l':
    case 'm':
    case 'n':
    case 'r':
      return c.toUpperCase();
    default:
      return '';
  }
};

/**
 * The Metaphone key of a word (Lawrence Philips, 1990): a consonant skeleton that words which
 * sound alike share, e.g. `person`, `pearson` and `purse in` joined (`pursein`) all give `PRSN`.
 * Non-letters are ignored; the empty string gives ''.
 */
export function metaphone(word: string): string {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w === '') return '';
  if (SILENT_FIRST.test(w)) w = w.slice(1);
  if (w.startsWith('x')) w = `s${w.slice(1)}`;
  if (w.startsWith('wh')) w = `w${w.slice(2)}`;
  let key = isVowel(w[0]) ? (w[0] ?? '').toUpperCase() : '';
  for (let i = 0; i < w.length; i += 1) {
    if (w[i] === w[i - 1] && w[i] !== 'c') continue;
    key += encode(w, i);
  }
  return key;
}
