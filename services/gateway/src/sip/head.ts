/** Splits the message head (start line and header lines) and unfolds continuation lines. */
import { type SipHeader, header } from './message';
import { SipParseError } from './sipParseError';
import { isToken, isWsp, trimLws } from './text';

/** The start line and raw headers of a message. */
export interface RawHead {
  readonly startLine: string;
  readonly headers: readonly SipHeader[];
}

/**
 * Parses the head text (everything before the empty line). Lines end in CRLF (a bare LF is
 * tolerated). A line starting with SP or HTAB continues the previous header; the line break
 * and leading whitespace become one SP (RFC 3261 §7.3.1).
 */
export function parseHead(text: string): RawHead {
  const lines = text.split(/\r?\n/);
  const startLine = lines[0] ?? '';
  if (startLine === '') throw new SipParseError('start-line', 'empty start line');
  const joined: string[] = [];
  for (const line of lines.slice(1)) {
    if (isWsp(line[0])) {
      const last = joined.pop();
      if (last === undefined)
        throw new SipParseError('header-syntax', 'continuation line before any header');
      joined.push(`${last} ${trimLws(line)}`);
    } else {
      joined.push(line);
    }
  }
  const headers = joined.map((line) => {
    const colon = line.indexOf(':');
    const name = trimLws(colon < 0 ? '' : line.slice(0, colon));
    if (!isToken(name))
      throw new SipParseError('header-syntax', `bad header line "${line.slice(0, 80)}"`);
    return header(name, trimLws(line.slice(colon + 1)));
  });
  return { startLine, headers };
}
