/** The Via header (RFC 3261 §20.42, §18.2.1 `received`, RFC 3581 `rport`). */
import { type HostType, formatHostPort, parseHostPort, parsePort } from './host';
import { type HeaderParams, formatHeaderParams, parseHeaderParams } from './params';
import { SipParseError } from './sipParseError';
import { isToken, splitTopLevel } from './text';

/** The RFC 3261 branch magic cookie. */
export const BRANCH_MAGIC_COOKIE = 'z9hG4bK';

/** One Via value. */
export interface Via {
  /** Protocol name and version, e.g. "SIP/2.0". */
  readonly protocol: string;
  /** Transport, uppercased: UDP, TCP, TLS, SCTP, WS... */
  readonly transport: string;
  readonly host: string;
  readonly hostType: HostType;
  readonly port?: number;
  readonly branch?: string;
  readonly received?: string;
  /** `rport` (RFC 3581): `true` when present without a value (a request), the port when filled in. */
  readonly rport?: number | true;
  readonly params: HeaderParams;
}

function bad(message: string): never {
  throw new SipParseError('header-value', message, { header: 'Via' });
}

/** Parses one Via value (one element of the comma-separated list). */
export function parseVia(text: string): Via {
  const semi = splitTopLevel(text, ';', 'Via')[0] ?? '';
  const head = semi.replace(/\s*\/\s*/g, '/').trim();
  const parts = head.split(/[ \t]+/);
  const protocol = (parts[0] ?? '').split('/');
  if (parts.length !== 2 || protocol.length !== 3 || !protocol.every(isToken))
    bad(`bad sent-protocol "${head}"`);
  const [name = '', version = '', transport = ''] = protocol;
  if (name.toUpperCase() !== 'SIP') bad(`not SIP: "${head}"`);
  if (version !== '2.0') {
    throw new SipParseError('unsupported-version', `Via version ${version}`, { header: 'Via' });
  }
  let hostport;
  try {
    hostport = parseHostPort(parts[1] ?? '', 'header-value');
  } catch (cause) {
    throw new SipParseError('header-value', `bad sent-by "${parts[1] ?? ''}"`, {
      header: 'Via',
      cause,
    });
  }
  const params = parseHeaderParams(text.slice(semi.length), 'Via');
  const rportValue = params.get('rport');
  const rport =
    rportValue === undefined
      ? undefined
      : rportValue === null
        ? true
        : parsePort(rportValue, 'header-value');
  const branch = params.get('branch');
  const received = params.get('received');
  if (branch === null || received === null) bad('branch and received need a value');
  return {
    protocol: `SIP/${version}`,
    transport: transport.toUpperCase(),
    ...hostport,
    ...(branch === undefined ? {} : { branch }),
    ...(received === undefined ? {} : { received }),
    ...(rport === undefined ? {} : { rport }),
    params,
  };
}

/** Formats a Via value. `branch`, `received` and `rport` fields win over `params`. */
export function formatVia(
  via: Omit<Via, 'protocol' | 'params'> & { params?: HeaderParams },
): string {
  const params = new Map(via.params ?? []);
  if (via.branch !== undefined) params.set('branch', via.branch);
  if (via.received !== undefined) params.set('received', via.received);
  if (via.rport !== undefined) params.set('rport', via.rport === true ? null : String(via.rport));
  return `SIP/2.0/${via.transport} ${formatHostPort(via)}${formatHeaderParams(params)}`;
}

/** Whether a branch follows RFC 3261 (magic cookie plus at least one more character). */
export function isRfc3261Branch(branch: string | undefined): boolean {
  return (
    branch !== undefined &&
    branch.startsWith(BRANCH_MAGIC_COOKIE) &&
    branch.length > BRANCH_MAGIC_COOKIE.length
  );
}
