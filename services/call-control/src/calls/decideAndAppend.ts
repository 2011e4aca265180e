import { isConcurrencyError } from '@warmline/bus';
import {
  type CallAggregate,
  type CallDecision,
  type CallInput,
  type DecideContext,
  decide,
  evolve,
} from '../domain';
import type { CallDeps } from './callDeps';
import type { LoadedCall } from './callStore';

/** Appends lost to a concurrent writer are decided again this many times in all. */
export const MAX_APPEND_ATTEMPTS = 5;

/** A decision and the call as it stands after its events were stored. */
export interface AppliedDecision {
  readonly decision: CallDecision;
  /** The call after the decision (unchanged when it was rejected or produced no events). */
  readonly after: LoadedCall;
}

/** The impure inputs of `decide`: clock, ids and the connector's configured callee. */
export function decideContext(deps: CallDeps, call: CallAggregate): DecideContext {
  const destination = call.exists
    ? deps.calleeDestinations.get(call.origin.connectorId)
    : undefined;
  return {
    nowMs: deps.clock(),
    newId: deps.newId,
    ...(destination === undefined ? {} : { calleeDestination: destination }),
  };
}

/**
 * Loads the call, decides, arms the decision's ring timers and appends its events at the
 * version read, serialised per call inside this process. A concurrent writer elsewhere
 * makes the append fail; the input is then decided again on the reloaded call, up to
 * {@link MAX_APPEND_ATTEMPTS} times, after which the ConcurrencyError propagates (retryable).
 * Timers are armed before the append so a crash in between cannot lose one: a timer whose
 * events were never stored fires for a leg that is not ringing and changes nothing.
 */
export function decideAndAppend(
  deps: CallDeps,
  callId: string,
  input: CallInput,
): Promise<AppliedDecision> {
  return deps.queue.run(callId, async () => {
    for (let attempt = 1; ; attempt += 1) {
      const loaded = await deps.store.load(callId);
      const decision = decide(input, loaded.call, decideContext(deps, loaded.call));
      if (!decision.ok || decision.events.length === 0) return { decision, after: loaded };
      for (const timer of decision.timers) await deps.timers.schedule(callId, timer);
      try {
        const version = await deps.store.append(callId, decision.events, loaded.version);
        const call = decision.events.reduce(evolve, loaded.call);
        return {
          decision,
          after: { call, events: [...loaded.events, ...decision.events], version },
        };
      } catch (error) {
        if (!isConcurrencyError(error) || attempt >= MAX_APPEND_ATTEMPTS) throw error;
      }
    }
  });
}
