/** Why an RTP packet or RFC 4733 payload could not be parsed. */
export type RtpParseReason =
  'too-short' | 'bad-version' | 'bad-csrc' | 'bad-extension' | 'bad-padding' | 'bad-payload';

/** An RTP packet or payload that does not follow RFC 3550 / RFC 4733. */
export class RtpParseError extends Error {
  override readonly name = 'RtpParseError';
  readonly reason: RtpParseReason;

  constructor(reason: RtpParseReason, message: string) {
    super(message);
    this.reason = reason;
  }
}
