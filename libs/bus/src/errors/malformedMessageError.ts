import { BusError } from './busError';

/** A message body the codec could not decode. Never retryable: the bytes will not change. */
export class MalformedMessageError extends BusError {
  override readonly name = 'MalformedMessageError';
  readonly retryable = false;
  /** Stream sequence of the message, when it came from JetStream. */
  readonly sequence: number | undefined;

  constructor(
    /** Subject the message arrived on. */
    readonly subject: string,
    options?: { cause?: unknown; sequence?: number },
  ) {
    const at = options?.sequence === undefined ? '' : ` (sequence ${options.sequence})`;
    super(`malformed message on ${subject}${at}`, { cause: options?.cause });
    this.sequence = options?.sequence;
  }
}

/** Type guard for {@link MalformedMessageError}. */
export const isMalformedMessageError = (error: unknown): error is MalformedMessageError =>
  error instanceof MalformedMessageError;
