import { BusError } from './busError';

/** What an append expects the subject's last sequence to be. */
export type ExpectedVersion = number | 'no-stream' | 'any';

/**
 * The subject moved on since the caller read it (optimistic concurrency failed):
 * reload, decide again, append again.
 */
export class ConcurrencyError extends BusError {
  override readonly name = 'ConcurrencyError';
  readonly retryable = true;

  constructor(
    readonly subject: string,
    readonly expectedVersion: ExpectedVersion,
    /** The subject's last sequence as the server reported it, when known. */
    readonly actualVersion?: number,
    options?: { cause?: unknown },
  ) {
    super(
      `expected ${subject} at version ${expectedVersion}` +
        (actualVersion === undefined ? '' : `, but it is at ${actualVersion}`),
      options,
    );
  }
}

/**
 * Event ids that JetStream already holds elsewhere (another subject, or before the
 * expected version), or that repeat within one append. A programming error.
 */
export class DuplicateEventError extends BusError {
  override readonly name = 'DuplicateEventError';
  readonly retryable = false;

  constructor(
    readonly subject: string,
    readonly eventIds: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`event ids already used outside ${subject}: ${eventIds.join(', ')}`, options);
  }
}

/** JetStream refused a publish for a reason other than concurrency or duplicates. */
export class PublishRejectedError extends BusError {
  override readonly name = 'PublishRejectedError';

  constructor(
    readonly subject: string,
    /** JetStream API error code (`err_code`), when the server gave one. */
    readonly errorCode: number | undefined,
    description: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(`publish to ${subject} rejected: ${description}`, options);
  }
}

/** Type guard for {@link ConcurrencyError}. */
export const isConcurrencyError = (error: unknown): error is ConcurrencyError =>
  error instanceof ConcurrencyError;
