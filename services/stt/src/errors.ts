/**
 * The stt service's named errors. `retryable` tells a caller whether the same
 * request can succeed later (an engine restarting) or never will (bad input).
 */

/** A speech engine could not be reached or has stopped: the sidecar is down, a provider refused. */
export class RecognizerUnavailableError extends Error {
  override readonly name = 'RecognizerUnavailableError';
  constructor(
    message: string,
    /** Which engine, e.g. `pocketsphinx`, `deepgram`. */
    readonly engine: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An engine answered something the protocol does not allow (bad JSON, unknown message). */
export class RecognizerProtocolError extends Error {
  override readonly name = 'RecognizerProtocolError';
  readonly retryable = false;
  constructor(
    message: string,
    readonly engine: string,
    /** The offending text, truncated, for logs. */
    readonly received: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A stream was used after it ended, or configured in a way the engine cannot serve. */
export class RecognitionStreamError extends Error {
  override readonly name = 'RecognitionStreamError';
  readonly retryable = false;
  constructor(
    message: string,
    readonly engine: string,
  ) {
    super(message);
  }
}

/** The corpus could not be built or read (a TTS program failed, a file is missing). */
export class CorpusError extends Error {
  override readonly name = 'CorpusError';
  readonly retryable = false;
  constructor(
    message: string,
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
