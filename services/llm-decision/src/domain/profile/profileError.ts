/** One rejected field of an agent profile. */
export interface ProfileIssue {
  /** Where in the document, e.g. `intents[2].answer`. */
  readonly path: string;
  /** What was wrong. */
  readonly message: string;
}

/**
 * Thrown when an agent profile cannot be parsed or validated. The message lists every problem,
 * one line each; `issues` carries them as data.
 */
export class ProfileError extends Error {
  override readonly name = 'ProfileError';

  constructor(
    /** Where the profile came from (a file name), for the message. */
    readonly source: string,
    readonly issues: readonly ProfileIssue[],
    options?: { cause?: unknown },
  ) {
    super(
      [
        `Invalid agent profile ${source} (${issues.length === 1 ? '1 problem' : `${issues.length} problems`}):`,
        ...issues.map((issue) => `  ${issue.path}: ${issue.message}`),
      ].join('\n'),
      options,
    );
  }
}
