/**
 * Audio that does not match what the media plane accepts: an unsupported
 * sample rate, an odd number of PCM bytes, or frames of mismatched length.
 * Not retryable: the same input fails the same way.
 */
export class AudioFormatError extends Error {
  override readonly name = 'AudioFormatError';
  readonly retryable = false;
  constructor(
    message: string,
    /** Structured facts about the bad input (rate, byte count, lengths). */
    readonly detail: Readonly<Record<string, number | string>> = {},
  ) {
    super(message);
  }
}

/** A byte string that is not a RIFF/WAVE file of 16-bit mono PCM. */
export class WavFormatError extends Error {
  override readonly name = 'WavFormatError';
  readonly retryable = false;
  constructor(
    message: string,
    /** Byte offset in the file where the problem was found. */
    readonly offset: number,
  ) {
    super(message);
  }
}

/** A pacer used after `stop()`; audio sent to it would never leave. */
export class PacerStoppedError extends Error {
  override readonly name = 'PacerStoppedError';
  readonly retryable = false;
  constructor() {
    super('the pacer is stopped');
  }
}
