/** The headers every request and response needs (RFC 3261 §8.1.1), parsed and checked. */
import { type ContactList, readContacts } from './contact';
import { headerKey, isSingleHeader } from './headerNames';
import { type SipMessage, getHeader, getHeaderValues } from './message';
import { type NameAddr, parseNameAddr, tagOf } from './nameAddr';
import { type CSeq, parseCSeq, parseCallId, parseContentLength, parseMaxForwards } from './scalars';
import { SipParseError } from './sipParseError';
import { type Via, parseVia } from './via';

/** The parsed core headers of a message. */
export interface SipCore {
  readonly callId: string;
  readonly cseq: CSeq;
  readonly from: NameAddr;
  readonly fromTag: string | undefined;
  readonly to: NameAddr;
  readonly toTag: string | undefined;
  /** Via values, topmost first; never empty. */
  readonly vias: readonly Via[];
  /** Max-Forwards; absent in RFC 2543 requests and in responses. */
  readonly maxForwards: number | undefined;
  readonly contentLength: number | undefined;
  readonly contentType: string | undefined;
  /** Contact values (empty list when there is no Contact header). */
  readonly contact: ContactList;
}

const cache = new WeakMap<SipMessage, SipCore>();

function required(msg: SipMessage, name: string): string {
  const value = getHeader(msg, name);
  if (value === undefined)
    throw new SipParseError('missing-header', `missing ${name}`, { header: name });
  return value;
}

function checkDuplicates(msg: SipMessage): void {
  const seen = new Set<string>();
  for (const h of msg.headers) {
    if (!isSingleHeader(h.name)) continue;
    const key = headerKey(h.name);
    if (seen.has(key))
      throw new SipParseError('duplicate-header', `more than one ${h.name}`, { header: h.name });
    seen.add(key);
  }
}

function readCoreUncached(msg: SipMessage): SipCore {
  checkDuplicates(msg);
  const callId = parseCallId(required(msg, 'Call-ID'));
  const cseq = parseCSeq(required(msg, 'CSeq'));
  const from = parseNameAddr(required(msg, 'From'), 'From');
  const to = parseNameAddr(required(msg, 'To'), 'To');
  const vias = getHeaderValues(msg, 'Via').map(parseVia);
  if (vias.length === 0)
    throw new SipParseError('missing-header', 'missing Via', { header: 'Via' });
  if (msg.kind === 'request' && cseq.method !== msg.method) {
    throw new SipParseError(
      'cseq-method-mismatch',
      `CSeq method ${cseq.method} is not ${msg.method}`,
      { header: 'CSeq' },
    );
  }
  const mf = getHeader(msg, 'Max-Forwards');
  const cl = getHeader(msg, 'Content-Length');
  return {
    callId,
    cseq,
    from,
    fromTag: tagOf(from),
    to,
    toTag: tagOf(to),
    vias,
    maxForwards: mf === undefined ? undefined : parseMaxForwards(mf),
    contentLength: cl === undefined ? undefined : parseContentLength(cl),
    contentType: getHeader(msg, 'Content-Type'),
    contact: readContacts(msg),
  };
}

/**
 * Parses and checks the core headers: one each of Call-ID, CSeq, From, To (and at most one
 * Max-Forwards, Content-Length, Content-Type), at least one Via, well-formed Contact values,
 * and for requests a CSeq method equal to the request method. Results are cached per message object.
 * Throws {@link SipParseError}.
 */
export function readCore(msg: SipMessage): SipCore {
  const hit = cache.get(msg);
  if (hit) return hit;
  const core = readCoreUncached(msg);
  cache.set(msg, core);
  return core;
}
