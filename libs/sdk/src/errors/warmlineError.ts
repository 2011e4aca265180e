/** Options every Warmline error accepts. */
export interface WarmlineErrorOptions {
  /** The underlying error (a gRPC status, a file system error, ...). */
  readonly cause?: unknown;
  /** Whether repeating the operation may succeed (a lost connection) or never will (a bad key). */
  readonly retryable?: boolean;
}

/**
 * The base of every error the SDK throws or rejects with. Catch the specific subclasses first
 * (`BufferFullError`, `CallCommandError`, ...) and `WarmlineError` last.
 */
export class WarmlineError extends Error {
  override name = 'WarmlineError';
  /** Whether repeating the operation may succeed. */
  readonly retryable: boolean;

  constructor(message: string, options: WarmlineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable ?? false;
  }
}

/** The control connection (the session) or a request could not reach the platform. */
export class ConnectionError extends WarmlineError {
  override name = 'ConnectionError';

  constructor(message: string, options: WarmlineErrorOptions = {}) {
    super(message, { retryable: true, ...options });
  }
}

/** The platform refused the API key or the client certificate (or its connector scope). */
export class AuthenticationError extends WarmlineError {
  override name = 'AuthenticationError';
}

/** An argument or configuration value is invalid; nothing was sent. */
export class InvalidArgumentError extends WarmlineError {
  override name = 'InvalidArgumentError';

  constructor(
    /** The option or parameter at fault, e.g. `sampleRate` or `ringTimeSeconds`. */
    readonly argument: string,
    message: string,
    options: WarmlineErrorOptions = {},
  ) {
    super(message, options);
  }
}

/** A call's media connection could not open, was refused, or failed for good. */
export class MediaError extends WarmlineError {
  override name = 'MediaError';

  constructor(
    message: string,
    /** The call whose media failed, when there is one. */
    readonly callId?: string,
    options: WarmlineErrorOptions = {},
  ) {
    super(message, options);
  }
}
