/**
 * Base class of the errors this package throws. Every subclass sets `name`, keeps
 * the data a caller needs, chains the original error as `cause`, and says whether
 * trying again can help, so a JetStream consumer knows whether to `nak` or `term`.
 */
export abstract class BusError extends Error {
  /** True when the same operation may succeed later (nak and retry); false to give up (term). */
  abstract readonly retryable: boolean;
}

/**
 * Whether an arbitrary thrown value asks to be retried. Anything that does not say
 * `retryable: false` explicitly is treated as transient.
 */
export const isRetryable = (error: unknown): boolean =>
  !(
    typeof error === 'object' &&
    error !== null &&
    'retryable' in error &&
    error.retryable === false
  );
