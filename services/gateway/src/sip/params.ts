/** Header parameters: `*( SEMI generic-param )` with LWS around `;` and `=` (RFC 3261 §25.1). */
import { SipParseError } from './sipParseError';
import { isToken, skipQuoted, splitTopLevel, trimLws } from './text';

/** Header parameters: lowercased names to raw values (quoted strings keep their quotes); `null` = no value. */
export type HeaderParams = ReadonlyMap<string, string | null>;

const HOST_VALUE = /^[A-Za-z0-9\-_.!%*+`'~:[\]]+$/;

function checkValue(value: string, header: string | undefined): void {
  if (value.startsWith('"')) {
    if (skipQuoted(value, 0, header) !== value.length) {
      throw new SipParseError('header-value', `junk after quoted parameter value`, { header });
    }
    return;
  }
  if (!isToken(value) && !HOST_VALUE.test(value)) {
    throw new SipParseError('header-value', `bad parameter value "${value}"`, { header });
  }
}

/**
 * Parses the parameter part of a header value: the text starting at its first `;`
 * (or an empty string). An empty parameter (`;;`) or a non-token name is an error.
 */
export function parseHeaderParams(text: string, header?: string): Map<string, string | null> {
  const params = new Map<string, string | null>();
  const trimmed = trimLws(text);
  if (trimmed === '') return params;
  if (!trimmed.startsWith(';'))
    throw new SipParseError('header-value', `junk before parameters "${text}"`, { header });
  for (const raw of splitTopLevel(trimmed.slice(1), ';', header)) {
    const eq = raw.indexOf('=');
    const name = trimLws(eq < 0 ? raw : raw.slice(0, eq));
    if (!isToken(name))
      throw new SipParseError('header-value', `bad parameter name "${name}"`, { header });
    if (eq < 0) {
      params.set(name.toLowerCase(), null);
      continue;
    }
    const value = trimLws(raw.slice(eq + 1));
    checkValue(value, header);
    params.set(name.toLowerCase(), value);
  }
  return params;
}

/** Formats header parameters as `;name=value...`. */
export function formatHeaderParams(params: HeaderParams): string {
  let out = '';
  for (const [name, value] of params) out += value === null ? `;${name}` : `;${name}=${value}`;
  return out;
}
