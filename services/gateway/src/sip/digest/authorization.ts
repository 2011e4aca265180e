/** Computes Digest Authorization / Proxy-Authorization values (RFC 2617 §3.2.2, RFC 8760). */
import { createHash } from 'node:crypto';
import { quote } from '../text';
import type { DigestAlgorithm, DigestChallenge } from './challenge';
import { DigestError } from './digestError';

/** Inputs for one digest response. */
export interface DigestInput {
  readonly challenge: DigestChallenge;
  readonly username: string;
  readonly password: string;
  readonly method: string;
  /** The digest-uri: the Request-URI of the request being authorized. */
  readonly uri: string;
  /** Client nonce (random, e.g. 16 hex bytes); used when the challenge offers qop. */
  readonly cnonce: string;
  /** How many times this nonce has been used, starting at 1. */
  readonly nonceCount: number;
  /** The request body, hashed only for qop=auth-int. */
  readonly body?: Uint8Array;
}

/** The computed answer. */
export interface DigestAnswer {
  /** The header value: `Digest username="...", ...`. */
  readonly value: string;
  readonly response: string;
  readonly qop: 'auth' | 'auth-int' | undefined;
}

const HASHES: Readonly<Record<DigestAlgorithm, string>> = {
  MD5: 'md5',
  'MD5-sess': 'md5',
  'SHA-256': 'sha256',
  'SHA-256-sess': 'sha256',
  'SHA-512-256': 'sha512-256',
  'SHA-512-256-sess': 'sha512-256',
};

/** Formats a nonce count as 8 lowercase hex digits. */
export function formatNonceCount(n: number): string {
  return n.toString(16).padStart(8, '0');
}

function chooseQop(offered: readonly string[]): 'auth' | 'auth-int' | undefined {
  if (offered.length === 0) return undefined;
  if (offered.includes('auth')) return 'auth';
  if (offered.includes('auth-int')) return 'auth-int';
  throw new DigestError('unsupported-qop', `no supported qop in ${offered.join(',')}`);
}

/** Computes the digest response and the header value for a challenge. */
export function computeDigest(input: DigestInput): DigestAnswer {
  const { challenge: c } = input;
  const h = (data: string | Uint8Array): string =>
    createHash(HASHES[c.algorithm]).update(data).digest('hex');
  const qop = chooseQop(c.qop);
  const nc = formatNonceCount(input.nonceCount);
  let ha1 = h(`${input.username}:${c.realm}:${input.password}`);
  if (c.algorithm.endsWith('-sess')) ha1 = h(`${ha1}:${c.nonce}:${input.cnonce}`);
  const ha2 = h(
    qop === 'auth-int'
      ? `${input.method}:${input.uri}:${h(input.body ?? new Uint8Array(0))}`
      : `${input.method}:${input.uri}`,
  );
  const response =
    qop === undefined
      ? h(`${ha1}:${c.nonce}:${ha2}`)
      : h(`${ha1}:${c.nonce}:${nc}:${input.cnonce}:${qop}:${ha2}`);
  const parts = [
    `username=${quote(input.username)}`,
    `realm=${quote(c.realm)}`,
    `nonce=${quote(c.nonce)}`,
    `uri=${quote(input.uri)}`,
    `response=${quote(response)}`,
    `algorithm=${c.algorithm}`,
    ...(c.opaque === undefined ? [] : [`opaque=${quote(c.opaque)}`]),
    ...(qop === undefined ? [] : [`qop=${qop}`, `nc=${nc}`, `cnonce=${quote(input.cnonce)}`]),
  ];
  return { value: `Digest ${parts.join(', ')}`, response, qop };
}
