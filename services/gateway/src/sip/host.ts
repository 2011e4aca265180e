/** Host and port parsing for SIP URIs and Via sent-by (RFC 3261 §25.1 `hostport`). */
import { isIPv4, isIPv6 } from 'node:net';
import { SipParseError, type SipParseReason } from './sipParseError';

/** How a host was written. IPv6 hosts are stored without their brackets. */
export type HostType = 'ipv4' | 'ipv6' | 'domain';

/** A parsed `host [":" port]`. */
export interface HostPort {
  readonly host: string;
  readonly hostType: HostType;
  readonly port?: number;
}

const DOMAIN =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.?$/;

/** Parses a port: 1 to 5 digits, 0..65535. */
export function parsePort(text: string, reason: SipParseReason = 'uri'): number {
  if (!/^\d{1,5}$/.test(text)) throw new SipParseError(reason, `bad port "${text}"`);
  const port = Number(text);
  if (port > 65535) throw new SipParseError(reason, `port out of range: ${text}`);
  return port;
}

/** Classifies a bare host (no brackets, no port). Throws when it is not a valid host. */
export function classifyHost(host: string, reason: SipParseReason = 'uri'): HostType {
  if (isIPv4(host)) return 'ipv4';
  if (isIPv6(host)) return 'ipv6';
  if (/^[\d.]+$/.test(host) || !DOMAIN.test(host))
    throw new SipParseError(reason, `bad host "${host}"`);
  return 'domain';
}

/** Parses `host[:port]` where an IPv6 host is written in brackets. */
export function parseHostPort(text: string, reason: SipParseReason = 'uri'): HostPort {
  let host: string;
  let rest: string;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) throw new SipParseError(reason, `unterminated IPv6 reference "${text}"`);
    host = text.slice(1, close);
    if (!isIPv6(host)) throw new SipParseError(reason, `bad IPv6 reference "${text}"`);
    rest = text.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':'))
      throw new SipParseError(reason, `junk after IPv6 reference "${text}"`);
    return rest === ''
      ? { host, hostType: 'ipv6' }
      : { host, hostType: 'ipv6', port: parsePort(rest.slice(1), reason) };
  }
  const colon = text.indexOf(':');
  host = colon < 0 ? text : text.slice(0, colon);
  const hostType = classifyHost(host, reason);
  if (hostType === 'ipv6')
    throw new SipParseError(reason, `IPv6 host must be in brackets "${text}"`);
  return colon < 0
    ? { host, hostType }
    : { host, hostType, port: parsePort(text.slice(colon + 1), reason) };
}

/** Formats a host and optional port, bracketing IPv6. */
export function formatHostPort(hp: HostPort): string {
  const host = hp.hostType === 'ipv6' ? `[${hp.host}]` : hp.host;
  return hp.port === undefined ? host : `${host}:${hp.port}`;
}
