/** Builds a response to a request (RFC 3261 §8.2.6). */
import { headerKey } from './headerNames';
import { type SipHeader, type SipRequest, type SipResponse, getHeader, header } from './message';
import { parseNameAddr, tagOf } from './nameAddr';
import { reasonPhrase } from './reasonPhrases';

/** Options for {@link createResponse}. */
export interface ResponseOptions {
  readonly reason?: string;
  /** To tag to add when the request's To has none (ignored for 100 Trying). */
  readonly toTag?: string;
  /** Extra headers (Contact, Allow, WWW-Authenticate, Content-Type...). */
  readonly headers?: readonly SipHeader[];
  readonly body?: Uint8Array;
}

const COPIED = new Set(['via', 'from', 'call-id', 'cseq']);

/**
 * A response that copies every Via (in order), From, To, Call-ID and CSeq from the request,
 * adds a To tag when the request had none, copies Record-Route into 18x/2xx answers to
 * INVITE (§12.1.1) and Timestamp into 100 Trying (§8.2.6.1).
 */
export function createResponse(
  request: SipRequest,
  status: number,
  options: ResponseOptions = {},
): SipResponse {
  const headers: SipHeader[] = [];
  for (const h of request.headers) {
    const key = headerKey(h.name);
    if (COPIED.has(key)) headers.push(h);
    if (key === 'to') {
      const to = parseNameAddr(h.value, 'To');
      const tagged = status > 100 && options.toTag !== undefined && tagOf(to) === undefined;
      headers.push(tagged ? header('To', `${h.value};tag=${options.toTag ?? ''}`) : h);
    }
    const dialogCreating = request.method === 'INVITE' && status > 100 && status < 300;
    if (key === 'record-route' && dialogCreating) headers.push(h);
  }
  const timestamp = getHeader(request, 'Timestamp');
  if (status === 100 && timestamp !== undefined) headers.push(header('Timestamp', timestamp));
  headers.push(...(options.headers ?? []));
  return {
    kind: 'response',
    status,
    reason: options.reason ?? reasonPhrase(status),
    headers,
    body: options.body ?? new Uint8Array(0),
  };
}
