/** Splits SIP messages out of a byte stream (TCP) by Content-Length (RFC 3261 §18.3, RFC 5626 keep-alives). */
import { getHeader } from './message';
import { findHeadEnd, parseSipMessage } from './parser';
import { parseHead } from './head';
import { parseContentLength } from './scalars';
import { SipParseError } from './sipParseError';

/** What the framer found in the stream. */
export type FramerEvent =
  /** A complete, valid message. */
  | { readonly type: 'message'; readonly message: ReturnType<typeof parseSipMessage> }
  /** A correctly framed message whose content is malformed; the stream stays usable. */
  | { readonly type: 'invalid'; readonly error: SipParseError }
  /** RFC 5626 keep-alive: a `ping` (CRLFCRLF, answer with CRLF) or a `pong` (CRLF). */
  | { readonly type: 'keepalive'; readonly kind: 'ping' | 'pong' }
  /** The stream cannot be framed any more (bad Content-Length, too large): close the connection. */
  | { readonly type: 'fatal'; readonly error: SipParseError };

/** Limits for {@link SipStreamFramer}. */
export interface FramerLimits {
  /** Largest head (start line and headers) in bytes; default 16384. */
  readonly maxHeadBytes?: number;
  /** Largest body in bytes; default 65536. */
  readonly maxBodyBytes?: number;
}

/**
 * Incremental framer for one connection. Feed it chunks with {@link SipStreamFramer.push};
 * it returns the events completed by that chunk. After a `fatal` event it returns nothing more.
 */
export class SipStreamFramer {
  private buffer: Buffer = Buffer.alloc(0);
  private failed = false;
  private readonly maxHead: number;
  private readonly maxBody: number;

  constructor(limits: FramerLimits = {}) {
    this.maxHead = limits.maxHeadBytes ?? 16384;
    this.maxBody = limits.maxBodyBytes ?? 65536;
  }

  /** Adds bytes from the stream and returns the events they complete. */
  push(chunk: Uint8Array): FramerEvent[] {
    if (this.failed) return [];
    this.buffer =
      this.buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buffer, chunk]);
    const events: FramerEvent[] = [];
    for (;;) {
      const event = this.next();
      if (!event) break;
      events.push(event);
      if (event.type === 'fatal') {
        this.failed = true;
        this.buffer = Buffer.alloc(0);
        break;
      }
    }
    return events;
  }

  /** Bytes held while waiting for the rest of a message. */
  get pendingBytes(): number {
    return this.buffer.length;
  }

  private take(n: number): Buffer {
    const out = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    return out;
  }

  private keepAlive(): FramerEvent | undefined | null {
    const b = this.buffer;
    if (b[0] !== 0x0d) return null;
    if (b.length < 2) return undefined;
    if (b[1] !== 0x0a)
      return {
        type: 'fatal',
        error: new SipParseError('malformed', 'CR without LF between messages'),
      };
    if (b.length < 3) return undefined;
    if (b[2] !== 0x0d) {
      this.take(2);
      return { type: 'keepalive', kind: 'pong' };
    }
    if (b.length < 4) return undefined;
    if (b[3] !== 0x0a)
      return {
        type: 'fatal',
        error: new SipParseError('malformed', 'CR without LF between messages'),
      };
    this.take(4);
    return { type: 'keepalive', kind: 'ping' };
  }

  private next(): FramerEvent | undefined {
    if (this.buffer.length === 0) return undefined;
    const ka = this.keepAlive();
    if (ka !== null) return ka;
    const end = findHeadEnd(this.buffer);
    if (!end) {
      if (this.buffer.length <= this.maxHead) return undefined;
      return {
        type: 'fatal',
        error: new SipParseError('too-large', `head over ${this.maxHead} bytes`),
      };
    }
    if (end.headEnd > this.maxHead) {
      return {
        type: 'fatal',
        error: new SipParseError('too-large', `head over ${this.maxHead} bytes`),
      };
    }
    let length: number;
    try {
      const head = parseHead(this.buffer.subarray(0, end.headEnd).toString('utf8'));
      const cl = getHeader(head, 'Content-Length');
      if (cl === undefined)
        throw new SipParseError('content-length', 'Content-Length is required on a stream');
      length = parseContentLength(cl);
    } catch (e) {
      const error =
        e instanceof SipParseError
          ? e
          : new SipParseError('malformed', 'unparseable head', { cause: e });
      return { type: 'fatal', error };
    }
    if (length > this.maxBody)
      return { type: 'fatal', error: new SipParseError('too-large', `body of ${length} bytes`) };
    if (this.buffer.length < end.bodyStart + length) return undefined;
    const raw = this.take(end.bodyStart + length);
    try {
      return {
        type: 'message',
        message: parseSipMessage(raw, { framing: 'stream', maxBytes: Infinity }),
      };
    } catch (e) {
      const error =
        e instanceof SipParseError
          ? e
          : new SipParseError('malformed', 'unparseable message', { cause: e });
      return { type: 'invalid', error };
    }
  }
}
