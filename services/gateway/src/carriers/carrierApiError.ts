import type { CarrierName } from './stream/streamEvent';

/**
 * A carrier REST call that failed: the carrier answered with an error status,
 * or could not be reached. Retryable for rate limits, server errors and
 * network failures; not for refusals (4xx), which repeat the same way.
 */
export class CarrierApiError extends Error {
  override readonly name = 'CarrierApiError';
  readonly retryable: boolean;

  constructor(
    readonly carrier: CarrierName,
    /** HTTP status, or 0 when no answer came. */
    readonly status: number,
    message: string,
    /** The carrier's own error code, when its body had one. */
    readonly carrierCode?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.retryable = status === 0 || status === 429 || status >= 500;
  }
}
