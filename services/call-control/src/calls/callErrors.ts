/**
 * The credential (API key or client certificate) may not use the call's connector.
 * Not retryable; the gRPC edge answers PERMISSION_DENIED.
 */
export class CallAccessDeniedError extends Error {
  override readonly name = 'CallAccessDeniedError';
  readonly retryable = false;
  readonly code = 'PERMISSION_DENIED';

  constructor(
    readonly callId: string,
    options?: ErrorOptions,
  ) {
    super(`this credential may not use call ${callId}`, options);
  }
}

/** Type guard for {@link CallAccessDeniedError}. */
export const isCallAccessDeniedError = (error: unknown): error is CallAccessDeniedError =>
  error instanceof CallAccessDeniedError;
