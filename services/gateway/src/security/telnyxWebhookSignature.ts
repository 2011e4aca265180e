import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the raw 32-byte key. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The header carrying a Telnyx webhook's Ed25519 signature (base64). */
export const TELNYX_SIGNATURE_HEADER = 'telnyx-signature-ed25519';
/** The header carrying the signed Unix timestamp (seconds). */
export const TELNYX_TIMESTAMP_HEADER = 'telnyx-timestamp';

/** Reads a Telnyx webhook public key (base64 of the raw 32-byte Ed25519 key). */
export const telnyxPublicKey = (base64: string): KeyObject =>
  createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(base64, 'base64')]),
    format: 'der',
    type: 'spki',
  });

/**
 * True when `signature` (base64) is the account's Ed25519 signature of
 * `${timestamp}|${body}` and the timestamp is within `toleranceSeconds` of now
 * (a replayed webhook is refused).
 */
export const isValidTelnyxWebhook = (
  publicKey: KeyObject,
  body: string,
  timestamp: string | undefined,
  signature: string | undefined,
  nowSeconds: number = Date.now() / 1000,
  toleranceSeconds = 300,
): boolean => {
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  try {
    return verify(
      null,
      Buffer.from(`${timestamp}|${body}`, 'utf8'),
      publicKey,
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
};
