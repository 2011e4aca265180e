/** SIP, SIPS and tel URIs (RFC 3261 §19.1, RFC 3966), and other absolute URIs kept opaque. */
import { type HostType, formatHostPort, parseHostPort } from './host';
import { SipParseError } from './sipParseError';
import { hasValidEscapes } from './text';

/** URI parameters: lowercased names to raw values (`null` when a parameter has no value). */
export type UriParams = ReadonlyMap<string, string | null>;

/** A `sip:` or `sips:` URI. `user` and parameter values are kept escaped, as written. */
export interface SipUri {
  readonly kind: 'sip';
  readonly scheme: 'sip' | 'sips';
  readonly user?: string;
  readonly password?: string;
  readonly host: string;
  readonly hostType: HostType;
  readonly port?: number;
  readonly params: UriParams;
  /** Embedded headers after `?`, raw (escaped) values. */
  readonly headers: ReadonlyMap<string, string>;
}

/** A `tel:` URI (RFC 3966): the number as written and its parameters. */
export interface TelUri {
  readonly kind: 'tel';
  readonly scheme: 'tel';
  readonly number: string;
  readonly params: UriParams;
}

/** Any other absolute URI (`mailto:`, `urn:`, `http:`...), kept as opaque text. */
export interface AbsoluteUri {
  readonly kind: 'absolute';
  readonly scheme: string;
  readonly opaque: string;
}

/** Any URI that can appear in a SIP message. */
export type Uri = SipUri | TelUri | AbsoluteUri;

const USER = /^[A-Za-z0-9\-_.!~*'()%&=+$,;?/]+$/;
const PASSWORD = /^[A-Za-z0-9\-_.!~*'()%&=+$,]*$/;
const PARAM = /^[A-Za-z0-9\-_.!~*'()%[\]/:&+$]+$/;
const HEADER_PART = /^[A-Za-z0-9\-_.!~*'()%[\]/?:+$]*$/;
const TEL_NUMBER = /^\+?[0-9A-Fa-f*#().-]+$/;

function fail(text: string, why: string): never {
  throw new SipParseError('uri', `bad URI "${text}": ${why}`);
}

/** Parses `;name[=value]` URI parameters (the text after the first `;`). */
export function parseUriParams(text: string, whole: string): Map<string, string | null> {
  const params = new Map<string, string | null>();
  if (text === '') return params;
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? null : part.slice(eq + 1);
    if (!PARAM.test(name) || (value !== null && !PARAM.test(value)))
      fail(whole, `bad parameter "${part}"`);
    if (!hasValidEscapes(part)) fail(whole, `bad escape in "${part}"`);
    params.set(name.toLowerCase(), value);
  }
  return params;
}

function parseUriHeaders(text: string, whole: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0 || !HEADER_PART.test(part.slice(0, eq)) || !HEADER_PART.test(part.slice(eq + 1))) {
      fail(whole, `bad header "${part}"`);
    }
    headers.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return headers;
}

function parseSipParts(scheme: 'sip' | 'sips', rest: string, whole: string): SipUri {
  const at = rest.indexOf('@');
  let user: string | undefined;
  let password: string | undefined;
  if (at >= 0) {
    const userinfo = rest.slice(0, at);
    const colon = userinfo.indexOf(':');
    user = colon < 0 ? userinfo : userinfo.slice(0, colon);
    password = colon < 0 ? undefined : userinfo.slice(colon + 1);
    if (!USER.test(user) || !hasValidEscapes(userinfo)) fail(whole, 'bad user part');
    if (password !== undefined && !PASSWORD.test(password)) fail(whole, 'bad password');
  }
  const afterUser = rest.slice(at + 1);
  const q = afterUser.indexOf('?');
  const main = q < 0 ? afterUser : afterUser.slice(0, q);
  const semi = main.indexOf(';');
  const hostport = parseHostPort(semi < 0 ? main : main.slice(0, semi));
  const params = parseUriParams(semi < 0 ? '' : main.slice(semi + 1), whole);
  const headers =
    q < 0 ? new Map<string, string>() : parseUriHeaders(afterUser.slice(q + 1), whole);
  return {
    kind: 'sip',
    scheme,
    ...(user === undefined ? {} : { user }),
    ...(password === undefined ? {} : { password }),
    ...hostport,
    params,
    headers,
  };
}

/**
 * Parses a URI. `sip:`/`sips:` and `tel:` are parsed into parts; any other scheme is kept
 * opaque. Throws {@link SipParseError} (reason `uri`) on malformed text.
 */
export function parseUri(text: string): Uri {
  const colon = text.indexOf(':');
  const scheme = text.slice(0, Math.max(colon, 0)).toLowerCase();
  if (colon <= 0 || !/^[a-z][a-z0-9+.-]*$/.test(scheme)) fail(text, 'no scheme');
  const rest = text.slice(colon + 1);
  if (rest === '' || /[\s<>"]/.test(rest))
    fail(text, 'empty or contains space, quote or angle bracket');
  if (scheme === 'sip' || scheme === 'sips') return parseSipParts(scheme, rest, text);
  if (scheme === 'tel') {
    const semi = rest.indexOf(';');
    const number = semi < 0 ? rest : rest.slice(0, semi);
    if (!TEL_NUMBER.test(number)) fail(text, 'bad telephone number');
    return {
      kind: 'tel',
      scheme,
      number,
      params: parseUriParams(semi < 0 ? '' : rest.slice(semi + 1), text),
    };
  }
  return { kind: 'absolute', scheme, opaque: rest };
}

/** Formats URI parameters as `;name=value...`. */
export function formatUriParams(params: UriParams): string {
  let out = '';
  for (const [name, value] of params) out += value === null ? `;${name}` : `;${name}=${value}`;
  return out;
}

/** Formats a URI back to text. */
export function formatUri(uri: Uri): string {
  switch (uri.kind) {
    case 'absolute':
      return `${uri.scheme}:${uri.opaque}`;
    case 'tel':
      return `tel:${uri.number}${formatUriParams(uri.params)}`;
    case 'sip': {
      const userinfo =
        uri.user === undefined
          ? ''
          : `${uri.user}${uri.password === undefined ? '' : `:${uri.password}`}@`;
      const headers = [...uri.headers].map(([k, v]) => `${k}=${v}`).join('&');
      return `${uri.scheme}:${userinfo}${formatHostPort(uri)}${formatUriParams(uri.params)}${headers ? `?${headers}` : ''}`;
    }
  }
}

/** Parses a URI that must be `sip:` or `sips:`. */
export function parseSipUri(text: string): SipUri {
  const uri = parseUri(text);
  if (uri.kind !== 'sip') throw new SipParseError('uri', `not a SIP URI: "${text}"`);
  return uri;
}
