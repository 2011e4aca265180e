const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
] as const;
const TENS = [
  '',
  '',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
] as const;

const twoDigits = (n: number): string => {
  if (n < 20) return ONES[n] ?? '';
  const tens = TENS[Math.floor(n / 10)] ?? '';
  return n % 10 === 0 ? tens : `${tens} ${ONES[n % 10] ?? ''}`;
};

/**
 * Spells a run of digits the way a recogniser would write it in words: numbers below 100 as
 * words (`21` → `twenty one`), longer runs digit by digit (`911` → `nine one one`), so that
 * phone-like numbers and spoken numbers normalise the same way.
 */
export function digitsToWords(digits: string): string {
  if (!/^\d+$/.test(digits)) return digits;
  if (digits.length <= 2) return twoDigits(Number(digits));
  return [...digits].map((d) => ONES[Number(d)] ?? '').join(' ');
}

/** Replaces every digit run in `text` with words (`$35` → `$ thirty five`, `24/7` → `twenty four/seven`). */
export function replaceNumbers(text: string): string {
  return text.replace(/\d+/g, (run) => ` ${digitsToWords(run)} `);
}
