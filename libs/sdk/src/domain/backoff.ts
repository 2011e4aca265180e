/** Exponential backoff with jitter, for reconnecting the session and media streams. */
export interface BackoffPolicy {
  /** Delay before the first retry; default 250. */
  readonly initialDelayMs: number;
  /** Upper bound of any delay; default 10 000. */
  readonly maxDelayMs: number;
  /** Growth per attempt; default 2. */
  readonly multiplier: number;
  /** Fraction of each delay that is random, 0..1; default 0.5 (so 50-100 % of the step). */
  readonly jitter: number;
}

/** The SDK's default backoff. */
export const defaultBackoff: BackoffPolicy = {
  initialDelayMs: 250,
  maxDelayMs: 10_000,
  multiplier: 2,
  jitter: 0.5,
};

/**
 * The delay before retry number `attempt` (0 for the first), given `random` in [0, 1):
 * `min(max, initial × multiplier^attempt)`, of which the `jitter` fraction is random.
 */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy, random: number): number {
  const step = Math.min(
    policy.maxDelayMs,
    policy.initialDelayMs * Math.pow(policy.multiplier, Math.max(0, attempt)),
  );
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  return Math.round(step * (1 - jitter * Math.min(1, Math.max(0, random))));
}
