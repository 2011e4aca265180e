/** Random identifiers for a UA: Via branch, From/To tag, Call-ID, initial CSeq (RFC 3261 §8.1.1). */
import { randomBytes } from 'node:crypto';
import { BRANCH_MAGIC_COOKIE } from './via';

/** A source of random bytes; inject a deterministic one in tests. */
export type RandomSource = (size: number) => Uint8Array;

/** The default random source (node:crypto). */
export const cryptoRandom: RandomSource = (size) => randomBytes(size);

function hex(random: RandomSource, size: number): string {
  return Buffer.from(random(size)).toString('hex');
}

/** A new branch: the `z9hG4bK` magic cookie and 64 random bits. */
export function generateBranch(random: RandomSource = cryptoRandom): string {
  return `${BRANCH_MAGIC_COOKIE}${hex(random, 8)}`;
}

/** A new From/To tag with 64 random bits (RFC 3261 §19.3 asks for at least 32). */
export function generateTag(random: RandomSource = cryptoRandom): string {
  return hex(random, 8);
}

/** A new Call-ID with 128 random bits, optionally `@host`. */
export function generateCallId(host?: string, random: RandomSource = cryptoRandom): string {
  const id = hex(random, 16);
  return host === undefined ? id : `${id}@${host}`;
}

/** A random initial CSeq number below 2**31 (RFC 3261 §8.1.1.5), kept small enough to grow. */
export function initialCSeq(random: RandomSource = cryptoRandom): number {
  return Buffer.from(random(4)).readUInt32BE(0) % 2 ** 30;
}
