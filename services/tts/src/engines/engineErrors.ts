/**
 * Base of the errors an engine throws. `retryable` tells the service whether
 * the same request may succeed later (nak with backoff) or never will.
 */
export abstract class EngineError extends Error {
  abstract readonly retryable: boolean;
  constructor(
    /** The engine's name. */
    readonly engine: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The engine's program is not installed (spawn failed with ENOENT). */
export class EngineNotFoundError extends EngineError {
  override readonly name = 'EngineNotFoundError';
  readonly retryable = false;
  constructor(
    engine: string,
    readonly binary: string,
    options?: { cause?: unknown },
  ) {
    super(engine, `${binary} is not installed (engine ${engine})`, options);
  }
}

/** The engine's program ended with a non-zero status or a signal nobody sent. */
export class EngineExitError extends EngineError {
  override readonly name = 'EngineExitError';
  readonly retryable = true;
  constructor(
    engine: string,
    readonly code: number | null,
    readonly signal: NodeJS.Signals | null,
    /** The end of its standard error output. */
    readonly stderr: string,
  ) {
    super(engine, `${engine} exited with ${signal ?? `status ${code}`}`);
  }
}

/** The engine produced audio this service cannot read (not mono 16-bit PCM WAV, say). */
export class EngineOutputError extends EngineError {
  override readonly name = 'EngineOutputError';
  readonly retryable = false;
  constructor(engine: string, detail: string) {
    super(engine, `unreadable audio from ${engine}: ${detail}`);
  }
}

/** A voice the engine does not have. */
export class UnsupportedVoiceError extends EngineError {
  override readonly name = 'UnsupportedVoiceError';
  readonly retryable = false;
  constructor(
    engine: string,
    readonly voice: string,
  ) {
    super(engine, `${engine} has no voice ${JSON.stringify(voice)}`);
  }
}

/** A hosted provider answered with an HTTP error status. */
export class ProviderHttpError extends EngineError {
  override readonly name = 'ProviderHttpError';
  /** 408, 429 and 5xx may pass; other statuses (bad key, bad request) will not. */
  readonly retryable: boolean;
  constructor(
    engine: string,
    readonly status: number,
    /** The start of the response body (providers explain errors there). */
    readonly body: string,
  ) {
    super(engine, `${engine} answered HTTP ${status}`);
    this.retryable = status === 408 || status === 429 || status >= 500;
  }
}

/** A hosted provider could not be reached, or the response broke off. */
export class ProviderUnreachableError extends EngineError {
  override readonly name = 'ProviderUnreachableError';
  readonly retryable = true;
  constructor(engine: string, options?: { cause?: unknown }) {
    super(engine, `${engine} could not be reached`, options);
  }
}

/** The synthesis was aborted through its signal (a cancel or a shutdown). */
export class SynthesisAbortedError extends EngineError {
  override readonly name = 'SynthesisAbortedError';
  readonly retryable = false;
  constructor(engine: string) {
    super(engine, `synthesis by ${engine} aborted`);
  }
}

/** True for any error an engine throws. */
export const isEngineError = (error: unknown): error is EngineError => error instanceof EngineError;
