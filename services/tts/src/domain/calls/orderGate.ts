/** The facts {@link decideStart} weighs for the next utterance of a call. */
export interface StartFacts {
  /** Stream sequence of the utterance this replica would speak next. */
  readonly seq: number;
  /**
   * Sequence of the call's oldest request still in the work queue (unacked,
   * wherever it is), or undefined when the stream could not be asked.
   */
  readonly oldestInStream: number | undefined;
  /** How long this utterance has already waited for earlier ones, in ms. */
  readonly waitedMs: number;
  /** Past this, speak anyway: an earlier request that is stuck must not silence the call. */
  readonly maxWaitMs: number;
}

/** What the replica does with the next utterance of a call. */
export type StartDecision = 'start' | 'wait' | 'start-out-of-order';

/**
 * Utterances of one call may be spread over several replicas (they share one
 * work queue). A request leaves the work queue only when acked, and a replica
 * acks only after the utterance was fully published or cancelled, so "the
 * oldest request of this call still in the stream is mine" means every earlier
 * utterance is finished, wherever it ran. Until then, wait, up to a bound.
 */
export const decideStart = (facts: StartFacts): StartDecision => {
  if (facts.oldestInStream === undefined || facts.oldestInStream >= facts.seq) return 'start';
  return facts.waitedMs >= facts.maxWaitMs ? 'start-out-of-order' : 'wait';
};
