/** Builds requests outside a dialog and their CANCEL and non-2xx ACK (RFC 3261 §8.1.1, §9.1, §17.1.1.3). */
import { readCore } from './core';
import {
  type SipHeader,
  type SipRequest,
  type SipResponse,
  getHeader,
  getHeaderValues,
  header,
} from './message';
import { formatCSeq } from './scalars';
import { SipParseError } from './sipParseError';
import { formatVia } from './via';

/** Where this UA sends from: the sent-by of its Via. */
export interface ViaSentBy {
  readonly transport: 'UDP' | 'TCP' | 'TLS';
  readonly host: string;
  readonly hostType: 'ipv4' | 'ipv6' | 'domain';
  readonly port?: number;
}

/** Options for {@link createRequest}. */
export interface RequestOptions {
  readonly method: string;
  readonly uri: string;
  /** From and To values as text (name-addr); From must carry a tag. */
  readonly from: string;
  readonly to: string;
  readonly callId: string;
  readonly cseq: number;
  readonly via: ViaSentBy;
  readonly branch: string;
  readonly contact?: string;
  readonly route?: readonly string[];
  readonly maxForwards?: number;
  readonly headers?: readonly SipHeader[];
  readonly body?: Uint8Array;
}

/** Formats the Via for a new client transaction, asking for `rport` (RFC 3581). */
export function viaHeader(via: ViaSentBy, branch: string): SipHeader {
  return header('Via', formatVia({ ...via, branch, rport: true }));
}

/** A request with the mandatory headers of RFC 3261 §8.1.1 in the usual order. */
export function createRequest(o: RequestOptions): SipRequest {
  const headers: SipHeader[] = [
    viaHeader(o.via, o.branch),
    header('Max-Forwards', String(o.maxForwards ?? 70)),
    ...(o.route ?? []).map((r) => header('Route', r)),
    header('From', o.from),
    header('To', o.to),
    header('Call-ID', o.callId),
    header('CSeq', formatCSeq({ seq: o.cseq, method: o.method })),
    ...(o.contact === undefined ? [] : [header('Contact', o.contact)]),
    ...(o.headers ?? []),
  ];
  return {
    kind: 'request',
    method: o.method,
    uri: o.uri,
    headers,
    body: o.body ?? new Uint8Array(0),
  };
}

function topViaHeader(request: SipRequest): SipHeader {
  const top = getHeaderValues(request, 'Via')[0];
  if (top === undefined)
    throw new SipParseError('missing-header', 'request has no Via', { header: 'Via' });
  return header('Via', top);
}

function routes(request: SipRequest): SipHeader[] {
  return getHeaderValues(request, 'Route').map((r) => header('Route', r));
}

/**
 * A request that belongs to the INVITE's own transaction (CANCEL, non-2xx ACK): the INVITE's
 * top Via (so the same branch), Request-URI, Route headers, From, Call-ID and CSeq number,
 * with its own method and the given To.
 */
const inviteTransactionRequest = (
  invite: SipRequest,
  method: 'CANCEL' | 'ACK',
  to: string,
): SipRequest => {
  const core = readCore(invite);
  const headers = [
    topViaHeader(invite),
    header('Max-Forwards', '70'),
    ...routes(invite),
    header('From', getHeader(invite, 'From') ?? ''),
    header('To', to),
    header('Call-ID', core.callId),
    header('CSeq', formatCSeq({ seq: core.cseq.seq, method })),
  ];
  return { kind: 'request', method, uri: invite.uri, headers, body: new Uint8Array(0) };
};

/**
 * CANCEL for a pending INVITE (§9.1): same Request-URI, Call-ID, From, To, CSeq number and
 * top Via (so the same branch), the INVITE's Route headers, method CANCEL.
 */
export function createCancel(invite: SipRequest): SipRequest {
  return inviteTransactionRequest(invite, 'CANCEL', getHeader(invite, 'To') ?? '');
}

/**
 * ACK for a non-2xx final response to an INVITE (§17.1.1.3): part of the INVITE transaction,
 * so it reuses the INVITE's top Via and Request-URI, and takes To (with tag) from the response.
 */
export function createNon2xxAck(invite: SipRequest, response: SipResponse): SipRequest {
  if (response.status < 300) throw new RangeError('use the dialog ACK for a 2xx response');
  return inviteTransactionRequest(invite, 'ACK', getHeader(response, 'To') ?? '');
}
