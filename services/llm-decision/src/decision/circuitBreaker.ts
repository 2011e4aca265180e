import {
  type BreakerSettings,
  type BreakerState,
  admit,
  afterFailure,
  afterSuccess,
  closedCircuit,
} from '../domain/decision/breakerState';
import { ProviderError } from '../domain/decision/decisionErrors';

/** A provider's circuit breaker, shared by every call this process handles. */
export interface CircuitBreaker {
  /**
   * Runs `attempt` when the circuit lets it through and records how it went; otherwise rejects
   * at once with a `circuit-open` ProviderError, so a dead provider is not waited on per turn.
   */
  run<T>(attempt: () => Promise<T>): Promise<T>;
  /** The current state (for tests and diagnostics). */
  state(): BreakerState;
}

/** A circuit breaker for `provider` (see the pure state machine in `domain/decision`). */
export function createCircuitBreaker(
  provider: string,
  settings: BreakerSettings,
  now: () => number,
): CircuitBreaker {
  let state = closedCircuit();
  return {
    state: () => state,
    run: async (attempt) => {
      const admission = admit(state, now());
      state = admission.state;
      if (!admission.allowed) {
        throw new ProviderError(provider, 'circuit-open', 'the circuit is open');
      }
      try {
        const result = await attempt();
        state = afterSuccess(state);
        return result;
      } catch (error) {
        state = afterFailure(state, now(), settings);
        throw error;
      }
    },
  };
}
