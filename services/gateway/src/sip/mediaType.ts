/** Content-Type media types (RFC 3261 §20.15: `type "/" subtype *( ";" m-parameter )`). */
import type { SipMessage } from './message';
import { readCore } from './core';
import { type HeaderParams, parseHeaderParams } from './params';
import { SipParseError } from './sipParseError';
import { isToken, trimLws } from './text';

/** A parsed media type; type and subtype lowercased. */
export interface MediaType {
  readonly type: string;
  readonly subtype: string;
  readonly params: HeaderParams;
}

/** Parses a Content-Type value. Throws {@link SipParseError}. */
export function parseMediaType(text: string): MediaType {
  const value = trimLws(text);
  const semi = value.indexOf(';');
  const [type = '', subtype = '', ...extra] = trimLws(
    semi < 0 ? value : value.slice(0, semi),
  ).split('/');
  if (!isToken(type) || !isToken(subtype) || extra.length > 0) {
    throw new SipParseError('header-value', `bad media type "${text}"`, { header: 'Content-Type' });
  }
  return {
    type: type.toLowerCase(),
    subtype: subtype.toLowerCase(),
    params: parseHeaderParams(semi < 0 ? '' : value.slice(semi), 'Content-Type'),
  };
}

/** Whether the message carries an SDP body (Content-Type application/sdp and a non-empty body). */
export function hasSdpBody(msg: SipMessage): boolean {
  const ct = readCore(msg).contentType;
  if (ct === undefined || msg.body.length === 0) return false;
  const mt = parseMediaType(ct);
  return mt.type === 'application' && mt.subtype === 'sdp';
}
