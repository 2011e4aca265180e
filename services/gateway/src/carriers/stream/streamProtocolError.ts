/** Why a carrier stream frame was refused. */
export type StreamProtocolErrorCode =
  /** A binary WebSocket frame: both carriers send JSON text only (Twilio warning 31950). */
  | 'NOT_TEXT'
  /** The text is not a JSON object. */
  | 'BAD_JSON'
  /** A documented event with a missing or ill-typed field. */
  | 'BAD_FRAME'
  /** An `event` value the protocol does not define (Twilio error 31951). */
  | 'UNKNOWN_EVENT'
  /** A frame naming another stream than the one `start` opened (Twilio error 31951). */
  | 'WRONG_STREAM'
  /** A documented event at a point of the stream's life where it cannot come (media before start, a second start). */
  | 'UNEXPECTED_EVENT'
  /** A media format this gateway cannot carry (codec, rate, channels). */
  | 'UNSUPPORTED_FORMAT'
  /** A frame larger than the gateway accepts. */
  | 'FRAME_TOO_LARGE';

/** The WebSocket close code (RFC 6455 §7.4.1) the gateway uses for each refusal. */
const closeCodes: Record<StreamProtocolErrorCode, number> = {
  NOT_TEXT: 1003,
  BAD_JSON: 1007,
  BAD_FRAME: 1007,
  UNKNOWN_EVENT: 1008,
  WRONG_STREAM: 1008,
  UNEXPECTED_EVENT: 1008,
  UNSUPPORTED_FORMAT: 1003,
  FRAME_TOO_LARGE: 1009,
};

/**
 * A carrier stream frame that breaks the documented protocol. The stream is
 * closed with {@link StreamProtocolError.closeCode} and the call ends as a
 * protocol error. Not retryable: the same bytes fail the same way.
 */
export class StreamProtocolError extends Error {
  override readonly name = 'StreamProtocolError';
  readonly retryable = false;
  /** WebSocket close code to end the stream with. */
  readonly closeCode: number;

  constructor(
    readonly code: StreamProtocolErrorCode,
    message: string,
    /** The frame's `event`, when it had one. */
    readonly event?: string,
  ) {
    super(message);
    this.closeCode = closeCodes[code];
  }
}
