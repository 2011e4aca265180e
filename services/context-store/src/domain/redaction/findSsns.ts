import type { DigitGroup, DigitRun } from './digitRuns';
import type { RedactionSpan } from './span';

const CUE = /(social\s+security|\bssn\b|social\s+insurance)/i;
const CUE_WINDOW = 40;

/** The SSA's rules: no area 000, 666 or 9xx, no group 00, no serial 0000. */
const plausibleSsn = (digits: string): boolean =>
  digits.length === 9 &&
  !/^(000|666|9)/.test(digits) &&
  digits.slice(3, 5) !== '00' &&
  digits.slice(5) !== '0000';

/** Three written groups shaped like `123-45-6789` or `123 45 6789`. */
const formatted = (groups: readonly DigitGroup[], i: number): boolean => {
  const [a, b, c] = [groups[i], groups[i + 1], groups[i + 2]];
  return (
    !!a &&
    !!b &&
    !!c &&
    a.written &&
    b.written &&
    c.written &&
    a.digits.length === 3 &&
    b.digits.length === 2 &&
    c.digits.length === 4
  );
};

/**
 * US social security numbers: the `123-45-6789` shape anywhere, or any nine digits (written or
 * spoken) shortly after "social security" or "SSN". Both must pass the SSA's number rules.
 */
export const findSsns = (text: string, runs: readonly DigitRun[]): RedactionSpan[] => {
  const spans: RedactionSpan[] = [];
  for (const run of runs) {
    const cued = CUE.test(text.slice(Math.max(0, run.start - CUE_WINDOW), run.start));
    if (cued && plausibleSsn(run.digits)) {
      spans.push({ start: run.start, end: run.end, kind: 'ssn' });
      continue;
    }
    for (let i = 0; i + 2 < run.groups.length; i++) {
      const digits = run.groups
        .slice(i, i + 3)
        .map((g) => g.digits)
        .join('');
      const first = run.groups[i];
      const last = run.groups[i + 2];
      if (first && last && formatted(run.groups, i) && plausibleSsn(digits)) {
        spans.push({ start: first.start, end: last.end, kind: 'ssn' });
        i += 2;
      }
    }
  }
  return spans;
};
