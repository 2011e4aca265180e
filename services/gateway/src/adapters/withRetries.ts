/** Options of {@link withRetries}. */
export interface RetryOptions {
  /** Total attempts, the first included. */
  attempts: number;
  /** Whether an error is worth another attempt. */
  retryable: (error: unknown) => boolean;
  /** Wait before attempt n+1 (default 100 ms × 2^(n−1)). */
  delayMs?: (attempt: number) => number;
}

/** Runs `work` until it succeeds, throws a non-retryable error, or runs out of attempts (then throws the last error). */
export const withRetries = async <T>(work: () => Promise<T>, options: RetryOptions): Promise<T> => {
  const delay = options.delayMs ?? ((attempt: number) => 100 * 2 ** (attempt - 1));
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= options.attempts || !options.retryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay(attempt)));
    }
  }
};
