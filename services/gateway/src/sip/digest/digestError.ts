/** Why a digest challenge cannot be answered. */
export type DigestErrorReason =
  'malformed-challenge' | 'unsupported-scheme' | 'unsupported-algorithm' | 'unsupported-qop';

/** A WWW-Authenticate / Proxy-Authenticate challenge this UA cannot parse or answer. */
export class DigestError extends Error {
  override readonly name = 'DigestError';
  readonly reason: DigestErrorReason;

  constructor(reason: DigestErrorReason, message: string) {
    super(message);
    this.reason = reason;
  }
}
