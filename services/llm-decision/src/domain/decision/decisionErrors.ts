/**
 * Why a decision provider gave no decision:
 * - `timeout`: no answer within the decision deadline (the request was aborted);
 * - `http`: the server answered with an error status (`status` says which);
 * - `protocol`: the response did not follow the provider's published format;
 * - `empty`: the model answered with neither text nor a usable tool call;
 * - `circuit-open`: the provider failed repeatedly and is not being asked for now;
 * - `network`: the request could not be sent or the stream broke off;
 * - `failed`: anything else the provider threw.
 */
export type ProviderErrorCode =
  'timeout' | 'http' | 'protocol' | 'empty' | 'circuit-open' | 'network' | 'failed';

/** Options for {@link ProviderError}. */
export interface ProviderErrorOptions {
  /** The HTTP status, for `http`. */
  readonly status?: number;
  readonly cause?: unknown;
}

/**
 * A decision provider failed for this turn. Never escapes the decision runner: every failure
 * becomes a fallback decision, so `retryable` tells the circuit breaker and the logs whether
 * asking again later may help (rate limits and server errors), not the JetStream consumer.
 */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly status: number | undefined;
  readonly retryable: boolean;

  constructor(
    /** The provider's name (`openai`, `gemini`, `local-policy`). */
    readonly provider: string,
    readonly code: ProviderErrorCode,
    message: string,
    options: ProviderErrorOptions = {},
  ) {
    super(`${provider}: ${message}`, { cause: options.cause });
    this.status = options.status;
    this.retryable =
      code === 'http'
        ? options.status === 429 || (options.status ?? 0) >= 500
        : code !== 'protocol' && code !== 'empty';
  }
}

/** Type guard for {@link ProviderError}. */
export const isProviderError = (error: unknown): error is ProviderError =>
  error instanceof ProviderError;
