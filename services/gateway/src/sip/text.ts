/**
 * Lexical helpers for RFC 3261 §25 grammar: tokens, LWS, quoted strings and splitting a
 * header value on separators that are not inside quotes or angle brackets.
 */
import { SipParseError } from './sipParseError';

const TOKEN_PUNCTUATION = new Set("-.!%*_+`'~");

/** True for a character of the RFC 3261 `token` rule. */
export function isTokenChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    TOKEN_PUNCTUATION.has(ch)
  );
}

/** True when `s` is a non-empty RFC 3261 token. */
export function isToken(s: string): boolean {
  if (s.length === 0) return false;
  for (const ch of s) if (!isTokenChar(ch)) return false;
  return true;
}

/** True for SP or HTAB. */
export function isWsp(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

/** Removes SP/HTAB from both ends (not other Unicode spaces). */
export function trimLws(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isWsp(s[start])) start++;
  while (end > start && isWsp(s[end - 1])) end--;
  return s.slice(start, end);
}

/**
 * Index just past the closing quote of the quoted string that opens at `start`
 * (quoted-pair `\x` escapes are honoured). Throws when it is not terminated.
 */
export function skipQuoted(s: string, start: number, header?: string): number {
  for (let i = start + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i + 1;
  }
  throw new SipParseError('header-value', 'unterminated quoted string', { header });
}

/** Decodes a quoted string (with its quotes) into its text, expanding quoted-pairs. */
export function unquote(quoted: string): string {
  let out = '';
  for (let i = 1; i < quoted.length - 1; i++) {
    const ch = quoted[i] === '\\' ? quoted[++i] : quoted[i];
    out += ch ?? '';
  }
  return out;
}

/** Encodes text as a quoted string, escaping `"` and `\`. */
export function quote(text: string): string {
  return `"${text.replace(/["\\]/g, (m) => `\\${m}`)}"`;
}

/**
 * Splits `s` on `sep` where it is not inside a quoted string or `<...>`. Pieces are not
 * trimmed. Throws on an unterminated quote or angle bracket.
 */
export function splitTopLevel(s: string, sep: ',' | ';', header?: string): string[] {
  const parts: string[] = [];
  let from = 0;
  let angle = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') {
      i = skipQuoted(s, i, header) - 1;
    } else if (ch === '<') {
      angle = true;
    } else if (ch === '>') {
      angle = false;
    } else if (ch === sep && !angle) {
      parts.push(s.slice(from, i));
      from = i + 1;
    }
  }
  if (angle) throw new SipParseError('header-value', 'unterminated <', { header });
  parts.push(s.slice(from));
  return parts;
}

/** True when every `%` in `s` starts a valid `% HEX HEX` escape. */
export function hasValidEscapes(s: string): boolean {
  return !/%(?![0-9a-fA-F]{2})/.test(s);
}
