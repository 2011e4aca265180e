/** Base class of context-store's domain errors. */
export abstract class ContextError extends Error {
  /** Whether trying again may succeed. */
  abstract readonly retryable: boolean;
}

/** A switch met a case this build does not know (a newer writer, or a bug). */
export class UnknownCaseError extends ContextError {
  override readonly name = 'UnknownCaseError';
  readonly retryable = false;
  constructor(readonly value: unknown) {
    super(`unhandled case: ${JSON.stringify(value)}`);
  }
}

/**
 * Ends an exhaustive `switch`: the compiler proves it unreachable, and a case from a newer
 * writer fails loudly instead of being dropped.
 */
export const assertNever = (value: never): never => {
  throw new UnknownCaseError(value);
};
