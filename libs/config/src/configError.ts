/** One missing or rejected environment variable. */
export interface ConfigIssue {
  /** The environment variable's name (or `configuration` for a whole-schema rule). */
  readonly variable: string;
  /** `missing` when unset or blank, `invalid` when its value was rejected. */
  readonly problem: 'missing' | 'invalid';
  /** What the variable should hold. */
  readonly expected: string;
  /** The rejected value, quoted and shortened; absent when missing or secret. */
  readonly received?: string;
}

const describe = ({ variable, problem, expected, received }: ConfigIssue): string => {
  if (problem === 'missing') return `${variable}: missing; expected ${expected}`;
  const shown = received === undefined ? '(secret, not shown)' : received;
  return `${variable}: invalid value ${shown}; expected ${expected}`;
};

/**
 * Thrown by `loadConfig` when any variable is missing or invalid. The message
 * lists every problem, one line each; secrets' values never appear in it.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    readonly issues: readonly ConfigIssue[],
    options?: { cause?: unknown },
  ) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(
      [`Invalid configuration (${count}):`, ...issues.map((issue) => `  ${describe(issue)}`)].join(
        '\n',
      ),
      options,
    );
  }
}
