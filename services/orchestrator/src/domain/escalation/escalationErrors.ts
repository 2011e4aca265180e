/**
 * The saga's exceptions: broken invariants only. Expected business outcomes (nobody answered, the
 * caller hung up) are decisions, never exceptions.
 */

/** The configuration passed to the workflow is unusable; `field` names the offending setting. */
export class EscalationConfigError extends Error {
  override readonly name = 'EscalationConfigError';
  /** A consumer must not retry: the same configuration fails the same way. */
  readonly retryable = false;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** An event in the saga's stream cannot be folded (unknown step, missing payload). */
export class EscalationEventError extends Error {
  override readonly name = 'EscalationEventError';
  readonly retryable = false;
  constructor(
    readonly eventId: string,
    message: string,
  ) {
    super(`${eventId}: ${message}`);
  }
}
