/** Request-Line and Status-Line (RFC 3261 §7.1, §7.2). */
import { SipParseError } from './sipParseError';
import { isToken } from './text';
import { parseUri } from './uri';

/** A parsed start line. */
export type StartLine =
  | { readonly kind: 'request'; readonly method: string; readonly uri: string }
  | { readonly kind: 'response'; readonly status: number; readonly reason: string };

function checkVersion(version: string, line: string): void {
  if (version === 'SIP/2.0') return;
  if (/^SIP\/\d+\.\d+$/i.test(version)) {
    throw new SipParseError('unsupported-version', `unsupported version "${version}"`);
  }
  throw new SipParseError('start-line', `bad start line "${line}"`);
}

function parseRequestUri(uri: string): void {
  let parsed;
  try {
    parsed = parseUri(uri);
  } catch (cause) {
    throw new SipParseError('request-uri', `bad Request-URI "${uri}"`, { cause });
  }
  if (parsed.kind === 'sip' && parsed.headers.size > 0) {
    throw new SipParseError('request-uri', `headers are not allowed in a Request-URI "${uri}"`);
  }
}

/**
 * Parses a start line. Elements are separated by exactly one SP; extra SP (RFC 4475
 * lwsstart, trws) is rejected. A response may omit the reason phrase.
 */
export function parseStartLine(line: string): StartLine {
  if (/^SIP\//i.test(line)) {
    const m = /^(\S+) (\d+)(?: (.*))?$/.exec(line);
    if (!m) throw new SipParseError('start-line', `bad status line "${line}"`);
    checkVersion(m[1] ?? '', line);
    const code = m[2] ?? '';
    if (code.length !== 3 || Number(code) < 100 || Number(code) > 699)
      throw new SipParseError('status-code', `bad status code "${code}"`);
    const reason = m[3] ?? '';
    if (/[\r\n]/.test(reason))
      throw new SipParseError('start-line', 'control character in reason phrase');
    return { kind: 'response', status: Number(code), reason };
  }
  const parts = line.split(' ');
  const [method = '', uri = '', version = ''] = parts;
  if (parts.length !== 3 || !isToken(method) || uri === '' || /\s/.test(line.replace(/ /g, ''))) {
    throw new SipParseError('start-line', `bad request line "${line}"`);
  }
  checkVersion(version, line);
  parseRequestUri(uri);
  return { kind: 'request', method, uri };
}
