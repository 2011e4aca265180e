/** Why an SDP body could not be parsed. */
export type SdpParseReason =
  'syntax' | 'missing-line' | 'bad-origin' | 'bad-connection' | 'bad-media';

/** An SDP body that does not follow RFC 4566 closely enough to negotiate. */
export class SdpParseError extends Error {
  override readonly name = 'SdpParseError';
  readonly reason: SdpParseReason;
  /** 1-based line number, when one line is to blame. */
  readonly line: number | undefined;

  constructor(reason: SdpParseReason, message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.reason = reason;
    this.line = line;
  }
}
