/** Parses Digest challenges from WWW-Authenticate / Proxy-Authenticate (RFC 2617 §3.2.1, RFC 8760). */
import { isToken, skipQuoted, splitTopLevel, trimLws, unquote } from '../text';
import { DigestError } from './digestError';

/** Digest algorithms this UA answers (RFC 8760 adds SHA-256 and SHA-512-256). */
export type DigestAlgorithm =
  'MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess' | 'SHA-512-256' | 'SHA-512-256-sess';

const ALGORITHMS: readonly DigestAlgorithm[] = [
  'MD5',
  'MD5-sess',
  'SHA-256',
  'SHA-256-sess',
  'SHA-512-256',
  'SHA-512-256-sess',
];

/** A parsed Digest challenge. */
export interface DigestChallenge {
  readonly realm: string;
  readonly nonce: string;
  readonly algorithm: DigestAlgorithm;
  readonly opaque?: string;
  /** qop options offered (lowercase), empty when the challenge has no qop (RFC 2069 style). */
  readonly qop: readonly string[];
  readonly stale: boolean;
  readonly domain?: string;
  /** Every parameter, lowercased names, unquoted values. */
  readonly params: ReadonlyMap<string, string>;
}

/** Splits `name=value, name="value"` auth-params (values unquoted). */
export function parseAuthParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of splitTopLevel(text, ',')) {
    const item = trimLws(part);
    if (item === '') continue;
    const eq = item.indexOf('=');
    const name = trimLws(eq < 0 ? item : item.slice(0, eq)).toLowerCase();
    const raw = trimLws(eq < 0 ? '' : item.slice(eq + 1));
    if (!isToken(name) || raw === '')
      throw new DigestError('malformed-challenge', `bad auth-param "${item}"`);
    if (raw.startsWith('"') && skipQuoted(raw, 0) !== raw.length) {
      throw new DigestError('malformed-challenge', `junk after quoted value "${item}"`);
    }
    params.set(name, raw.startsWith('"') ? unquote(raw) : raw);
  }
  return params;
}

function parseAlgorithm(value: string | undefined): DigestAlgorithm {
  if (value === undefined) return 'MD5';
  const found = ALGORITHMS.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!found)
    throw new DigestError('unsupported-algorithm', `unsupported digest algorithm ${value}`);
  return found;
}

/** Parses one challenge header value. Throws {@link DigestError}. */
export function parseDigestChallenge(value: string): DigestChallenge {
  const text = trimLws(value);
  const space = text.search(/[ \t]/);
  const scheme = space < 0 ? text : text.slice(0, space);
  if (scheme.toLowerCase() !== 'digest')
    throw new DigestError('unsupported-scheme', `scheme ${scheme} is not Digest`);
  let params: Map<string, string>;
  try {
    params = parseAuthParams(space < 0 ? '' : text.slice(space + 1));
  } catch (e) {
    if (e instanceof DigestError) throw e;
    throw new DigestError('malformed-challenge', 'unterminated quoted string in challenge');
  }
  const realm = params.get('realm');
  const nonce = params.get('nonce');
  if (realm === undefined || nonce === undefined)
    throw new DigestError('malformed-challenge', 'realm and nonce are required');
  const opaque = params.get('opaque');
  const domain = params.get('domain');
  return {
    realm,
    nonce,
    algorithm: parseAlgorithm(params.get('algorithm')),
    ...(opaque === undefined ? {} : { opaque }),
    ...(domain === undefined ? {} : { domain }),
    qop: (params.get('qop') ?? '')
      .split(',')
      .map((q) => trimLws(q).toLowerCase())
      .filter((q) => q !== ''),
    stale: (params.get('stale') ?? '').toLowerCase() === 'true',
    params,
  };
}

const STRENGTH: Readonly<Record<DigestAlgorithm, number>> = {
  'SHA-512-256': 3,
  'SHA-512-256-sess': 3,
  'SHA-256': 2,
  'SHA-256-sess': 2,
  MD5: 1,
  'MD5-sess': 1,
};

/**
 * Picks the challenge to answer from the values of every WWW-Authenticate (or
 * Proxy-Authenticate) header: the strongest supported algorithm (RFC 8760 §2.4), skipping
 * challenges we cannot parse. Undefined when none is usable.
 */
export function chooseDigestChallenge(values: readonly string[]): DigestChallenge | undefined {
  let best: DigestChallenge | undefined;
  for (const value of values) {
    let challenge: DigestChallenge;
    try {
      challenge = parseDigestChallenge(value);
    } catch {
      continue;
    }
    if (!best || STRENGTH[challenge.algorithm] > STRENGTH[best.algorithm]) best = challenge;
  }
  return best;
}
