/**
 * The runner's exceptions: infrastructure only. A consumer naks a retryable one (the input comes
 * back and its effects are dispatched again, under the same ids) and terminates the rest.
 */

/** An effect could not be handed to its receiver (a publish failed or timed out). */
export class EffectDispatchError extends Error {
  override readonly name = 'EffectDispatchError';
  readonly retryable = true;
  constructor(
    readonly effectKind: string,
    readonly effectId: string,
    options: { cause: unknown },
  ) {
    super(`could not dispatch ${effectKind} ${effectId}`, options);
  }
}

/** An input names no call (an empty call id): it can never be routed. */
export class UnroutableInputError extends Error {
  override readonly name = 'UnroutableInputError';
  readonly retryable = false;
  constructor(readonly subject: string) {
    super(`no call id for an input on ${subject}`);
  }
}
