import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Compares two secrets in time that does not depend on where they differ (nor,
 * since both are hashed to 32 bytes first, on their lengths).
 */
export const constantTimeEqual = (actual: string, expected: string): boolean =>
  timingSafeEqual(digest(actual), digest(expected));
