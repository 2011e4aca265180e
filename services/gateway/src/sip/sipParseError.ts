import type { SipMessage } from './message';

/** Why a SIP message or header could not be parsed. */
export type SipParseReason =
  | 'empty'
  | 'start-line'
  | 'unsupported-version'
  | 'status-code'
  | 'request-uri'
  | 'header-syntax'
  | 'header-value'
  | 'missing-header'
  | 'duplicate-header'
  | 'cseq-method-mismatch'
  | 'content-length'
  | 'body-truncated'
  | 'incomplete-head'
  | 'too-large'
  | 'uri'
  | 'malformed';

/** Details carried by a {@link SipParseError}. */
export interface SipParseErrorDetails {
  /** The header whose value was malformed, when one is to blame. */
  readonly header?: string;
  /**
   * The message as far as it could be split (start line, raw headers, body) when only a
   * header value was wrong. A transport can use it to answer 400 or 505 to a request.
   */
  readonly partial?: SipMessage;
  readonly cause?: unknown;
}

/**
 * A SIP message, header or URI that does not follow RFC 3261. Parsers throw only this
 * (never a raw TypeError), so a transport can answer 400/505 or drop the datagram.
 */
export class SipParseError extends Error {
  override readonly name = 'SipParseError';
  readonly reason: SipParseReason;
  readonly header: string | undefined;
  readonly partial: SipMessage | undefined;

  constructor(reason: SipParseReason, message: string, details: SipParseErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.reason = reason;
    this.header = details.header;
    this.partial = details.partial;
  }

  /**
   * The status a UAS should answer a request with (RFC 3261 §8.2.2 and §21.5.6):
   * 505 for another SIP version, 400 for everything else.
   */
  get suggestedStatus(): 400 | 505 {
    return this.reason === 'unsupported-version' ? 505 : 400;
  }
}
