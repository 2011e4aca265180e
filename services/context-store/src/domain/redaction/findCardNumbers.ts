import type { DigitRun } from './digitRuns';
import { luhnValid } from './luhn';
import type { RedactionSpan } from './span';

const MIN_CARD_DIGITS = 13;
const MAX_CARD_DIGITS = 19;

/**
 * Payment card numbers: 13 to 19 digits that pass the Luhn check, whole or as a stretch of
 * whole groups inside a longer run (`4111 1111 1111 1111 12 27` keeps the expiry out).
 * Numbers that fail the check (order numbers, account ids) are left alone.
 */
export const findCardNumbers = (runs: readonly DigitRun[]): RedactionSpan[] => {
  const spans: RedactionSpan[] = [];
  for (const run of runs) {
    if (run.digits.length < MIN_CARD_DIGITS) continue;
    const { groups } = run;
    for (let i = 0; i < groups.length; i++) {
      let digits = '';
      let best = -1;
      for (let j = i; j < groups.length && digits.length < MAX_CARD_DIGITS; j++) {
        digits += groups[j]?.digits ?? '';
        const fits = digits.length >= MIN_CARD_DIGITS && digits.length <= MAX_CARD_DIGITS;
        if (fits && luhnValid(digits)) best = j;
      }
      const from = groups[i];
      const to = groups[best];
      if (best >= 0 && from && to) {
        spans.push({ start: from.start, end: to.end, kind: 'card' });
        i = best;
      }
    }
  }
  return spans;
};
