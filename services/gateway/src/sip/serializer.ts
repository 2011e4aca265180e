/** Serializes a SIP message to bytes (RFC 3261 §7). */
import { type SipMessage, withoutHeader } from './message';

/** The start line of a message. */
export function formatStartLine(msg: SipMessage): string {
  return msg.kind === 'request'
    ? `${msg.method} ${msg.uri} SIP/2.0`
    : `SIP/2.0 ${msg.status} ${msg.reason}`;
}

/**
 * Serializes a message with CRLF line ends. Any Content-Length header is dropped and a
 * correct one (the body length) is written last, so the result frames on TCP too.
 */
export function serializeSipMessage(msg: SipMessage): Buffer {
  const lines = [formatStartLine(msg)];
  for (const h of withoutHeader(msg.headers, 'Content-Length')) lines.push(`${h.name}: ${h.value}`);
  lines.push(`Content-Length: ${msg.body.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8');
  return Buffer.concat([head, msg.body]);
}
