/** Parses one SIP message from bytes or text (RFC 3261 §7, §18.3 framing). */
import { readCore } from './core';
import { parseHead } from './head';
import { type SipMessage, getHeader } from './message';
import { parseContentLength } from './scalars';
import { SipParseError } from './sipParseError';
import { parseStartLine } from './startLine';
import { isToken } from './text';

/** Options for {@link parseSipMessage}. */
export interface ParseOptions {
  /**
   * `datagram` (UDP, the default): without Content-Length the body runs to the end of the
   * datagram, and octets after Content-Length are ignored. `stream` (TCP): Content-Length
   * is required and the input must hold exactly one message.
   */
  readonly framing?: 'datagram' | 'stream';
  /** Check the core headers with `readCore` (default true). */
  readonly validate?: boolean;
  /** Largest accepted input in bytes (default 65535). */
  readonly maxBytes?: number;
}

/** Where the head ends in `bytes`: index of the empty line and the index just after it, or undefined. */
export function findHeadEnd(
  bytes: Uint8Array,
  from = 0,
): { readonly headEnd: number; readonly bodyStart: number } | undefined {
  for (let i = from; i < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    const headEnd = bytes[i - 1] === 0x0d && i > from ? i - 1 : i;
    if (bytes[i + 1] === 0x0a) return { headEnd, bodyStart: i + 2 };
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) return { headEnd, bodyStart: i + 3 };
  }
  return undefined;
}

/** Number of leading CR/LF octets (keep-alives and RFC 3261 §7.5 leading CRLF). */
export function leadingLineBreaks(bytes: Uint8Array): number {
  let i = 0;
  while (bytes[i] === 0x0d || bytes[i] === 0x0a) i++;
  return i;
}

function toBytes(input: Uint8Array | string): Uint8Array {
  return typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
}

function withPartial(e: unknown, partial: SipMessage | undefined): never {
  if (!(e instanceof SipParseError) || partial === undefined) throw e;
  throw new SipParseError(e.reason, e.message, { header: e.header, partial, cause: e.cause });
}

/** A best-effort request from a start line that did not parse, so a 400/505 can still be built. */
function looseRequest(
  line: string,
  headers: SipMessage['headers'],
  body: Uint8Array,
): SipMessage | undefined {
  const [method, uri] = line.split(/ +/);
  return method && uri && isToken(method)
    ? { kind: 'request', method, uri, headers, body }
    : undefined;
}

function parseUnsafe(input: Uint8Array | string, options: ParseOptions): SipMessage {
  const bytes = toBytes(input);
  if (bytes.length > (options.maxBytes ?? 65535))
    throw new SipParseError('too-large', `message of ${bytes.length} bytes`);
  const start = leadingLineBreaks(bytes);
  if (start === bytes.length) throw new SipParseError('empty', 'no message (only line breaks)');
  const end = findHeadEnd(bytes, start);
  if (!end) throw new SipParseError('incomplete-head', 'no empty line after the headers');
  const head = parseHead(
    Buffer.from(bytes.buffer, bytes.byteOffset + start, end.headEnd - start).toString('utf8'),
  );
  const rest = bytes.subarray(end.bodyStart);
  const clText = getHeader(head, 'Content-Length');
  const stream = options.framing === 'stream';
  if (clText === undefined && stream)
    throw new SipParseError('content-length', 'Content-Length is required on a stream');
  const length = clText === undefined ? rest.length : parseContentLength(clText);
  if (rest.length < length)
    throw new SipParseError('body-truncated', `body has ${rest.length} of ${length} bytes`);
  if (stream && rest.length > length)
    throw new SipParseError('malformed', 'extra bytes after the body');
  const body: Uint8Array = Buffer.from(rest.subarray(0, length));
  let line;
  try {
    line = parseStartLine(head.startLine);
  } catch (e) {
    withPartial(e, looseRequest(head.startLine, head.headers, body));
  }
  const msg: SipMessage =
    line.kind === 'request'
      ? { kind: 'request', method: line.method, uri: line.uri, headers: head.headers, body }
      : { kind: 'response', status: line.status, reason: line.reason, headers: head.headers, body };
  if (options.validate !== false) {
    try {
      readCore(msg);
    } catch (e) {
      withPartial(e, msg);
    }
  }
  return msg;
}

/**
 * Parses one SIP message. Leading CRLFs are skipped. Throws only {@link SipParseError};
 * any unexpected failure is wrapped with reason `malformed`.
 */
export function parseSipMessage(
  input: Uint8Array | string,
  options: ParseOptions = {},
): SipMessage {
  try {
    return parseUnsafe(input, options);
  } catch (e) {
    if (e instanceof SipParseError) throw e;
    throw new SipParseError('malformed', 'unparseable SIP message', { cause: e });
  }
}
