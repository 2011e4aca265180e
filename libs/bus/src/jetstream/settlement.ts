import { isMalformedMessageError } from '../errors/malformedMessageError';
import { isRetryable } from '../errors/busError';

/** What a consumer handler decides for a message. */
export type Disposition = 'ack' | 'term' | { readonly nak: number };

/** How a message is finally settled with JetStream. */
export type Settlement =
  | { readonly kind: 'ack' }
  | { readonly kind: 'term'; readonly reason: string }
  | { readonly kind: 'nak'; readonly delayMs: number };

/** Redelivery delays by attempt: 1 s, 5 s, 15 s, 30 s, then 60 s. */
export const DEFAULT_BACKOFF_MS: readonly number[] = [1_000, 5_000, 15_000, 30_000, 60_000];

/**
 * The delay before the next attempt after delivery number `deliveryCount`
 * (1 for the first delivery). The last entry repeats; an empty list means 0.
 */
export const backoffDelayMs = (backoffMs: readonly number[], deliveryCount: number): number => {
  const index = Math.min(Math.max(deliveryCount, 1), backoffMs.length) - 1;
  return backoffMs[index] ?? 0;
};

/** Settlement for a handler that returned normally. */
export const settlementForResult = (disposition: Disposition): Settlement => {
  if (disposition === 'ack') return { kind: 'ack' };
  if (disposition === 'term') return { kind: 'term', reason: 'handler' };
  return { kind: 'nak', delayMs: Math.max(0, disposition.nak) };
};

/**
 * Settlement for a handler (or decoder) that threw: undecodable messages and
 * errors marked `retryable: false` are terminated; anything else is retried
 * after the backoff delay for this delivery.
 */
export const settlementForError = (
  error: unknown,
  deliveryCount: number,
  backoffMs: readonly number[],
): Settlement => {
  if (isMalformedMessageError(error)) return { kind: 'term', reason: 'malformed' };
  if (!isRetryable(error)) {
    const name = error instanceof Error ? error.name : 'error';
    return { kind: 'term', reason: `non-retryable ${name}` };
  }
  return { kind: 'nak', delayMs: backoffDelayMs(backoffMs, deliveryCount) };
};
