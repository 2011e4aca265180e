/** Base class of context-store's errors outside the domain. */
export abstract class ContextStoreError extends Error {
  /** Whether the same operation may succeed later. */
  abstract readonly retryable: boolean;
}

/** `CONTEXT_STORE_RETENTION_MODE=ttl`, but the server cannot build TTL indexes (FerretDB). */
export class TtlUnsupportedError extends ContextStoreError {
  override readonly name = 'TtlUnsupportedError';
  readonly retryable = false;
  constructor(options?: { cause?: unknown }) {
    super(
      'the MongoDB server does not support TTL indexes; use retention mode auto or sweep',
      options,
    );
  }
}

/** Other writers kept moving a context while this one tried to fold an event into it. */
export class ProjectionConflictError extends ContextStoreError {
  override readonly name = 'ProjectionConflictError';
  readonly retryable = true;
  constructor(
    readonly callId: string,
    readonly attempts: number,
  ) {
    super(`context ${callId} kept changing during ${attempts} attempts`);
  }
}

/** A call id that cannot be one subject token (dots, wildcards, spaces, too long). */
export class InvalidCallIdError extends ContextStoreError {
  override readonly name = 'InvalidCallIdError';
  readonly retryable = false;
  constructor(readonly callId: string) {
    super(`not a valid call id: ${JSON.stringify(callId.slice(0, 80))}`);
  }
}

/** SaveContext could not catch up with the call's streams in time. */
export class CatchUpTimeoutError extends ContextStoreError {
  override readonly name = 'CatchUpTimeoutError';
  readonly retryable = true;
  constructor(
    readonly callId: string,
    readonly timeoutMs: number,
  ) {
    super(`context ${callId} did not catch up within ${timeoutMs} ms`);
  }
}

/** A condition (the projection catching up) did not become true in time. */
export class WaitTimeoutError extends ContextStoreError {
  override readonly name = 'WaitTimeoutError';
  readonly retryable = true;
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
  ) {
    super(`${what}: not within ${timeoutMs} ms`);
  }
}
