/** `name-addr` / `addr-spec` with header parameters: From, To, Contact, Route, Record-Route (RFC 3261 §20.10). */
import { type HeaderParams, formatHeaderParams, parseHeaderParams } from './params';
import { SipParseError } from './sipParseError';
import { isToken, isWsp, quote, skipQuoted, trimLws, unquote } from './text';
import { type Uri, formatUri, parseUri } from './uri';

/** An address with optional display name and header parameters. */
export interface NameAddr {
  /** The display name, unquoted (quoted-pairs expanded), or undefined when absent. */
  readonly displayName?: string;
  readonly uri: Uri;
  readonly params: HeaderParams;
}

function parseUriText(text: string, header: string | undefined): Uri {
  try {
    return parseUri(text);
  } catch (cause) {
    throw new SipParseError('header-value', `bad URI in ${header ?? 'address'}: "${text}"`, {
      header,
      cause,
    });
  }
}

function parseDisplayTokens(text: string, header: string | undefined): string | undefined {
  const trimmed = trimLws(text);
  if (trimmed === '') return undefined;
  for (const word of trimmed.split(/[ \t]+/)) {
    if (!isToken(word))
      throw new SipParseError('header-value', `bad display name "${trimmed}"`, { header });
  }
  return trimmed;
}

function parseBracketed(
  value: string,
  open: number,
  header: string | undefined,
): { uri: Uri; rest: string } {
  const close = value.indexOf('>', open);
  if (close < 0) throw new SipParseError('header-value', 'unterminated <', { header });
  const inner = value.slice(open + 1, close);
  if (inner !== inner.trim())
    throw new SipParseError('header-value', `whitespace inside <> "${inner}"`, { header });
  return { uri: parseUriText(inner, header), rest: value.slice(close + 1) };
}

/**
 * Parses one address value. In `addr-spec` form (no `<>`) every `;` parameter belongs to the
 * header, and the URI may not contain `?` or `,` (RFC 3261 §20.10). Throws {@link SipParseError}.
 */
export function parseNameAddr(text: string, header?: string): NameAddr {
  const value = trimLws(text);
  let displayName: string | undefined;
  let uri: Uri;
  let rest: string;
  if (value.startsWith('"')) {
    const end = skipQuoted(value, 0, header);
    displayName = unquote(value.slice(0, end));
    let open = end;
    while (isWsp(value[open])) open++;
    if (value[open] !== '<')
      throw new SipParseError('header-value', 'expected < after display name', { header });
    ({ uri, rest } = parseBracketed(value, open, header));
  } else if (value.includes('<')) {
    const open = value.indexOf('<');
    displayName = parseDisplayTokens(value.slice(0, open), header);
    ({ uri, rest } = parseBracketed(value, open, header));
  } else {
    const semi = value.indexOf(';');
    const spec = trimLws(semi < 0 ? value : value.slice(0, semi));
    if (/[?,]/.test(spec))
      throw new SipParseError('header-value', `URI with ? or , must be in <> "${spec}"`, {
        header,
      });
    uri = parseUriText(spec, header);
    rest = semi < 0 ? '' : value.slice(semi);
  }
  const params = parseHeaderParams(rest, header);
  return displayName === undefined ? { uri, params } : { displayName, uri, params };
}

/** Formats an address in `name-addr` form (always with `<>`). */
export function formatNameAddr(addr: NameAddr): string {
  const name = addr.displayName === undefined ? '' : `${quote(addr.displayName)} `;
  return `${name}<${formatUri(addr.uri)}>${formatHeaderParams(addr.params)}`;
}

/** The `tag` parameter of a From or To value, if any. */
export function tagOf(addr: NameAddr): string | undefined {
  return addr.params.get('tag') ?? undefined;
}

/** A copy of the address with its `tag` parameter set. */
export function withTag(addr: NameAddr, tag: string): NameAddr {
  const params = new Map(addr.params);
  params.set('tag', tag);
  return { ...addr, params };
}
