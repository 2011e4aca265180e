/** The SIP message model: a start line, ordered raw headers and a byte body. */
import { canonicalHeaderName, headerKey, isListHeader } from './headerNames';
import { splitTopLevel, trimLws } from './text';
import { SipParseError } from './sipParseError';

/** One header line: canonical name (compact forms expanded) and its unfolded, trimmed value. */
export interface SipHeader {
  readonly name: string;
  readonly value: string;
}

interface SipMessageBase {
  readonly headers: readonly SipHeader[];
  /** The body, exactly Content-Length bytes. */
  readonly body: Uint8Array;
}

/** A SIP request (RFC 3261 §7.1). The Request-URI is kept as text; see `parseUri`. */
export interface SipRequest extends SipMessageBase {
  readonly kind: 'request';
  readonly method: string;
  readonly uri: string;
}

/** A SIP response (RFC 3261 §7.2). */
export interface SipResponse extends SipMessageBase {
  readonly kind: 'response';
  readonly status: number;
  readonly reason: string;
}

/** A SIP request or response. */
export type SipMessage = SipRequest | SipResponse;

/** Makes a header with its canonical name. */
export function header(name: string, value: string): SipHeader {
  return { name: canonicalHeaderName(name), value };
}

/** The value of the first header with this name (case-insensitive, compact forms folded). */
export function getHeader(msg: Pick<SipMessage, 'headers'>, name: string): string | undefined {
  const key = headerKey(name);
  return msg.headers.find((h) => headerKey(h.name) === key)?.value;
}

/** Whether the message has at least one header with this name. */
export function hasHeader(msg: Pick<SipMessage, 'headers'>, name: string): boolean {
  return getHeader(msg, name) !== undefined;
}

/**
 * Every value of a header, in order, across repeated header lines. List headers (Via,
 * Contact, Route, Allow...) are split on top-level commas; an empty element is an error,
 * an empty header line contributes nothing.
 */
export function getHeaderValues(msg: Pick<SipMessage, 'headers'>, name: string): string[] {
  const key = headerKey(name);
  const list = isListHeader(name);
  const out: string[] = [];
  for (const h of msg.headers) {
    if (headerKey(h.name) !== key) continue;
    if (!list) {
      out.push(h.value);
      continue;
    }
    if (h.value === '') continue;
    for (const part of splitTopLevel(h.value, ',', h.name)) {
      const item = trimLws(part);
      if (item === '')
        throw new SipParseError('header-value', `empty element in ${h.name}`, { header: h.name });
      out.push(item);
    }
  }
  return out;
}

/** A copy of the headers without any header of this name. */
export function withoutHeader(headers: readonly SipHeader[], name: string): SipHeader[] {
  const key = headerKey(name);
  return headers.filter((h) => headerKey(h.name) !== key);
}

/** A copy of the headers with every header of this name replaced by one line (appended when absent). */
export function withHeader(
  headers: readonly SipHeader[],
  name: string,
  value: string,
): SipHeader[] {
  const key = headerKey(name);
  const index = headers.findIndex((h) => headerKey(h.name) === key);
  const rest = withoutHeader(headers, name);
  const line = header(name, value);
  if (index < 0) return [...rest, line];
  rest.splice(index, 0, line);
  return rest;
}
