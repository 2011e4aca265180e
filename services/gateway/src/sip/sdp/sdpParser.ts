/** Parses an SDP body (RFC 4566 §5). */
import { SdpParseError } from './sdpParseError';
import type { SdpAttribute, SdpConnection, SdpLine, SdpOrigin, SdpSession } from './sdpTypes';

interface MutableMedia {
  type: string;
  port: number;
  portCount?: number;
  protocol: string;
  formats: string[];
  connection?: SdpConnection;
  attributes: SdpAttribute[];
  otherLines: SdpLine[];
}

function parseOrigin(value: string, line: number): SdpOrigin {
  const f = value.split(' ');
  if (f.length !== 6 || f.some((x) => x === ''))
    throw new SdpParseError('bad-origin', `bad o= "${value}"`, line);
  const [
    username = '',
    sessionId = '',
    sessionVersion = '',
    netType = '',
    addrType = '',
    address = '',
  ] = f;
  return { username, sessionId, sessionVersion, netType, addrType, address };
}

/** Parses a `c=` value. */
export function parseConnection(value: string, line?: number): SdpConnection {
  const f = value.split(' ');
  const [netType = '', addrType = '', full = ''] = f;
  if (f.length !== 3 || netType !== 'IN' || !/^IP[46]$/.test(addrType) || full === '') {
    throw new SdpParseError('bad-connection', `bad c= "${value}"`, line);
  }
  const slash = full.indexOf('/');
  return slash < 0
    ? { netType, addrType, address: full }
    : { netType, addrType, address: full.slice(0, slash), suffix: full.slice(slash) };
}

function parseMediaLine(value: string, line: number): MutableMedia {
  const f = value.split(' ');
  const [type = '', portText = '', protocol = '', ...formats] = f;
  const m = /^(\d{1,5})(?:\/(\d+))?$/.exec(portText);
  if (!m || type === '' || protocol === '' || formats.length === 0 || Number(m[1]) > 65535) {
    throw new SdpParseError('bad-media', `bad m= "${value}"`, line);
  }
  return {
    type,
    port: Number(m[1]),
    ...(m[2] === undefined ? {} : { portCount: Number(m[2]) }),
    protocol,
    formats,
    attributes: [],
    otherLines: [],
  };
}

function parseAttribute(value: string): SdpAttribute {
  const colon = value.indexOf(':');
  return colon < 0
    ? { name: value }
    : { name: value.slice(0, colon), value: value.slice(colon + 1) };
}

/**
 * Parses SDP text. Lines end in CRLF or LF. v=0, o=, s= and t= are required, and every
 * m= section needs a c= (its own or the session's). Throws {@link SdpParseError}.
 */
export function parseSdp(input: string | Uint8Array): SdpSession {
  const text = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  let origin: SdpOrigin | undefined;
  let sessionName: string | undefined;
  let connection: SdpConnection | undefined;
  const timing: string[] = [];
  const attributes: SdpAttribute[] = [];
  const otherLines: SdpLine[] = [];
  const media: MutableMedia[] = [];
  lines.forEach((raw, i) => {
    const n = i + 1;
    if (!/^[a-z]=/.test(raw))
      throw new SdpParseError('syntax', `bad line "${raw.slice(0, 60)}"`, n);
    const type = raw[0] ?? '';
    const value = raw.slice(2);
    const current = media[media.length - 1];
    if (n === 1 && (type !== 'v' || value !== '0'))
      throw new SdpParseError('syntax', 'first line must be v=0', n);
    if (type === 'v') return;
    if (type === 'm') media.push(parseMediaLine(value, n));
    else if (type === 'a') (current ? current.attributes : attributes).push(parseAttribute(value));
    else if (type === 'c') {
      if (current) current.connection = parseConnection(value, n);
      else connection = parseConnection(value, n);
    } else if (current) current.otherLines.push({ type, value });
    else if (type === 'o') origin = parseOrigin(value, n);
    else if (type === 's') sessionName = value;
    else if (type === 't') timing.push(value);
    else otherLines.push({ type, value });
  });
  if (!origin || sessionName === undefined || timing.length === 0) {
    throw new SdpParseError('missing-line', 'o=, s= and t= are required');
  }
  if (media.some((m) => !m.connection && !connection))
    throw new SdpParseError('missing-line', 'a media section has no c=');
  return {
    origin,
    sessionName,
    ...(connection ? { connection } : {}),
    timing,
    attributes,
    otherLines,
    media,
  };
}
