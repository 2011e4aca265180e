/** Scalar headers: CSeq, Max-Forwards, Content-Length, Call-ID (RFC 3261 §20.16, §20.22, §20.14, §20.8). */
import { SipParseError } from './sipParseError';
import { isToken, trimLws } from './text';

/** A CSeq value. */
export interface CSeq {
  readonly seq: number;
  readonly method: string;
}

/** CSeq numbers must be below 2**31 (RFC 3261 §8.1.1.5). */
export const MAX_CSEQ = 2 ** 31 - 1;

/** Parses `CSeq: 1*DIGIT LWS Method`; the number must be below 2**31. */
export function parseCSeq(text: string): CSeq {
  const m = /^(\d{1,10})[ \t]+(\S+)$/.exec(trimLws(text));
  const seq = Number(m?.[1]);
  const method = m?.[2] ?? '';
  if (!m || !isToken(method))
    throw new SipParseError('header-value', `bad CSeq "${text}"`, { header: 'CSeq' });
  if (seq > MAX_CSEQ)
    throw new SipParseError('header-value', `CSeq out of range "${text}"`, { header: 'CSeq' });
  return { seq, method };
}

/** Formats a CSeq value. */
export function formatCSeq(cseq: CSeq): string {
  return `${cseq.seq} ${cseq.method}`;
}

/** Parses Max-Forwards: digits, at most 255. */
export function parseMaxForwards(text: string): number {
  const t = trimLws(text);
  if (!/^\d{1,10}$/.test(t) || Number(t) > 255) {
    throw new SipParseError('header-value', `bad Max-Forwards "${text}"`, {
      header: 'Max-Forwards',
    });
  }
  return Number(t);
}

/** Parses Content-Length: digits only (no sign), at most 2**31-1. */
export function parseContentLength(text: string): number {
  const t = trimLws(text);
  if (!/^\d{1,10}$/.test(t) || Number(t) > 2 ** 31 - 1) {
    throw new SipParseError('content-length', `bad Content-Length "${text}"`, {
      header: 'Content-Length',
    });
  }
  return Number(t);
}

const WORD = /^[A-Za-z0-9\-.!%*_+`'~()<>:\\"/[\]?{}]+$/;

/** Parses Call-ID: `word [ "@" word ]`. */
export function parseCallId(text: string): string {
  const t = trimLws(text);
  const parts = t.split('@');
  if (parts.length > 2 || !parts.every((p) => WORD.test(p))) {
    throw new SipParseError('header-value', `bad Call-ID "${text}"`, { header: 'Call-ID' });
  }
  return t;
}
