import { AssertionError } from 'node:assert';
import path from 'node:path';

/** Frames of this folder's code and of node's assert are machinery; the test's line matters. */
const machineryFrame = (line: string) =>
  line.startsWith('    at ') &&
  (line.includes('(node:internal/assert/') ||
    (line.includes(__dirname + path.sep) && !/\.test\.[jt]s:/.test(line)));

/** Which assertion of a spec failed. */
export type SpecAssertion = 'then' | 'thenNothing' | 'thenError' | 'thenThrows' | 'thenState';

/**
 * A given/when/then expectation did not hold. It is an `AssertionError` (code `ERR_ASSERTION`)
 * carrying `actual` and `expected`, so jest prints a diff of the two; `operator` names the
 * assertion that failed.
 */
export class SpecFailedError extends AssertionError {
  override readonly name = 'SpecFailedError';
  constructor(
    assertion: SpecAssertion,
    message: string,
    values: { actual: unknown; expected: unknown; cause?: unknown },
  ) {
    super({ message, actual: values.actual, expected: values.expected, operator: assertion });
    if ('cause' in values) this.cause = values.cause;
    // jest shows the code around the top frame: make it the test's given/when/then line.
    this.stack = this.stack
      ?.split('\n')
      .filter((line) => !machineryFrame(line))
      .join('\n');
  }
}

/** The spec itself is misused, e.g. decide returned a shape it cannot read without an adapter. */
export class SpecUsageError extends Error {
  override readonly name = 'SpecUsageError';
}
