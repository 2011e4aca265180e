import { BusError } from './busError';

/**
 * The responder handled the request and answered with an error
 * (`Warmline-Error-Code` / `Warmline-Error-Message` reply headers).
 */
export class RemoteError extends BusError {
  override readonly name = 'RemoteError';

  constructor(
    readonly subject: string,
    /** Error code chosen by the responder (for example `400`, `NOT_FOUND`). */
    readonly code: string,
    message: string,
    /** As reported by the responder (`Warmline-Error-Retryable`); false when it did not say. */
    readonly retryable = false,
  ) {
    super(message);
  }
}

/** Nobody subscribes to the request subject (the server answered "no responders"). */
export class NoRespondersError extends BusError {
  override readonly name = 'NoRespondersError';
  /** A responder may be restarting or not deployed yet. */
  readonly retryable = true;

  constructor(
    readonly subject: string,
    options?: { cause?: unknown },
  ) {
    super(`no responders for ${subject}`, options);
  }
}

/** No reply arrived in time. The request may or may not have been handled. */
export class RequestTimeoutError extends BusError {
  override readonly name = 'RequestTimeoutError';
  readonly retryable = true;

  constructor(
    readonly subject: string,
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(`no reply on ${subject} within ${timeoutMs} ms`, options);
  }
}

/** Type guard for {@link RemoteError}. */
export const isRemoteError = (error: unknown): error is RemoteError => error instanceof RemoteError;
