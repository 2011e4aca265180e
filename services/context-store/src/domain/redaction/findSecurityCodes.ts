import type { DigitRun } from './digitRuns';
import type { RedactionSpan } from './span';

/** Words that announce a card security code shortly before it. */
const CUE =
  /(security\s+code|\bcvv2?\b|\bcvc2?\b|\bcsc\b|verification\s+(code|number|value)|(digits|numbers)\s+on\s+the\s+back)/i;
/** How far before the number the cue may be (characters). */
const CUE_WINDOW = 40;

/**
 * A 3- or 4-digit number (written or spoken) shortly after "security code", "CVV", "CVC" or
 * "the digits on the back": `the security code is 123`, `CVV four five six`.
 */
export const findSecurityCodes = (text: string, runs: readonly DigitRun[]): RedactionSpan[] =>
  runs
    .filter((run) => run.digits.length === 3 || run.digits.length === 4)
    .filter((run) => CUE.test(text.slice(Math.max(0, run.start - CUE_WINDOW), run.start)))
    .map((run) => ({ start: run.start, end: run.end, kind: 'security-code' as const }));
