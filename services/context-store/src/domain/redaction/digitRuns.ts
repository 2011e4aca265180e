/** One number token of a run: written digits (`4111`) or one spoken digit (`four`, `double five`). */
export interface DigitGroup {
  readonly start: number;
  readonly end: number;
  readonly digits: string;
  /** True for digits written as digits, false for spoken words. */
  readonly written: boolean;
}

/** Adjacent number tokens separated only by spaces, commas or dashes: one candidate number. */
export interface DigitRun {
  readonly start: number;
  readonly end: number;
  readonly groups: readonly DigitGroup[];
  readonly digits: string;
}

const WORD_DIGITS: Readonly<Record<string, string>> = {
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
const REPEATS: Readonly<Record<string, number>> = { double: 2, triple: 3 };

const TOKEN = /\d+|[A-Za-z]+/g;
/** What may separate two tokens of one number: `4111 1111`, `411-111`, `four, one`. */
const GAP = /^[ \t,\-\u2013]{0,3}$/;

interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const tokensOf = (text: string): Token[] =>
  [...text.matchAll(TOKEN)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));

/** The group a token (and, for `double`/`triple`, the next one) stands for, and tokens used. */
const groupAt = (
  tokens: readonly Token[],
  i: number,
  text: string,
): [DigitGroup, number] | undefined => {
  const token = tokens[i];
  if (!token) return undefined;
  if (/^\d/.test(token.text)) {
    return [{ start: token.start, end: token.end, digits: token.text, written: true }, 1];
  }
  const word = token.text.toLowerCase();
  const digit = WORD_DIGITS[word];
  if (digit !== undefined) {
    return [{ start: token.start, end: token.end, digits: digit, written: false }, 1];
  }
  const times = REPEATS[word];
  const next = tokens[i + 1];
  const nextDigit = next && WORD_DIGITS[next.text.toLowerCase()];
  if (
    times !== undefined &&
    next &&
    nextDigit !== undefined &&
    GAP.test(text.slice(token.end, next.start))
  ) {
    const group = {
      start: token.start,
      end: next.end,
      digits: nextDigit.repeat(times),
      written: false,
    };
    return [group, 2];
  }
  return undefined;
};

/**
 * Finds every run of number tokens in `text`, written or spoken ("four one one one"), so
 * detectors can judge a number however the speech-to-text engine wrote it down.
 */
export const digitRuns = (text: string): DigitRun[] => {
  const tokens = tokensOf(text);
  const runs: DigitRun[] = [];
  let groups: DigitGroup[] = [];
  const close = () => {
    const first = groups[0];
    const last = groups.at(-1);
    if (first && last) {
      runs.push({
        start: first.start,
        end: last.end,
        groups,
        digits: groups.map((g) => g.digits).join(''),
      });
    }
    groups = [];
  };
  for (let i = 0; i < tokens.length;) {
    const found = groupAt(tokens, i, text);
    if (!found) {
      close();
      i += 1;
      continue;
    }
    const [group, used] = found;
    const previous = groups.at(-1);
    if (previous && !GAP.test(text.slice(previous.end, group.start))) close();
    groups.push(group);
    i += used;
  }
  close();
  return runs;
};
