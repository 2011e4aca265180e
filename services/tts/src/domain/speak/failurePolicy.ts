/** What to do with a request whose synthesis failed. */
export type FailureDecision =
  | { readonly kind: 'retry'; readonly delayMs: number }
  | {
      readonly kind: 'give-up';
      readonly reason: 'not-retryable' | 'attempts-exhausted' | 'audio-already-sent';
    };

/** The facts {@link decideOnFailure} weighs. */
export interface FailureFacts {
  /** 1 on the first delivery of the request. */
  readonly deliveryCount: number;
  /** Deliveries allowed in total (the first one included). */
  readonly maxAttempts: number;
  /** Delay before delivery n + 1, by n (the last entry repeats). */
  readonly backoffMs: readonly number[];
  /** Whether the engine's error says trying again may help. */
  readonly retryable: boolean;
  /** Frames of this utterance already published: a retry would say them twice. */
  readonly framesPublished: number;
}

/**
 * Retry (nak with backoff) only what a retry can fix without the caller
 * hearing anything twice; otherwise give up, and the caller of this function
 * publishes an end of utterance so the gateway is not left waiting.
 */
export const decideOnFailure = (facts: FailureFacts): FailureDecision => {
  if (facts.framesPublished > 0) return { kind: 'give-up', reason: 'audio-already-sent' };
  if (!facts.retryable) return { kind: 'give-up', reason: 'not-retryable' };
  if (facts.deliveryCount >= facts.maxAttempts)
    return { kind: 'give-up', reason: 'attempts-exhausted' };
  const index = Math.min(Math.max(facts.deliveryCount, 1), facts.backoffMs.length) - 1;
  return { kind: 'retry', delayMs: facts.backoffMs[index] ?? 0 };
};
