/** When a provider's circuit opens, and for how long. Durations in ms. */
export interface BreakerSettings {
  /** Consecutive failures (across calls) that open the circuit; 0 never opens it. */
  readonly failureThreshold: number;
  /** How long an open circuit refuses requests before one trial request is let through. */
  readonly cooldownMs: number;
}

/**
 * A provider's circuit: `closed` (requests go through, failures counted), `open` (requests fail
 * at once until `untilMs`), or `half-open` (one trial request is in flight; others fail at once).
 */
export type BreakerState =
  | { readonly kind: 'closed'; readonly failures: number }
  | { readonly kind: 'open'; readonly untilMs: number }
  | { readonly kind: 'half-open' };

/** A closed circuit with no failures. */
export const closedCircuit = (): BreakerState => ({ kind: 'closed', failures: 0 });

/**
 * Whether a request may go to the provider at `nowMs`, and the state after asking: an open
 * circuit whose cool-down has passed lets exactly one trial through (becoming half-open).
 */
export function admit(
  state: BreakerState,
  nowMs: number,
): { readonly allowed: boolean; readonly state: BreakerState } {
  switch (state.kind) {
    case 'closed':
      return { allowed: true, state };
    case 'open':
      return nowMs >= state.untilMs
        ? { allowed: true, state: { kind: 'half-open' } }
        : { allowed: false, state };
    case 'half-open':
      return { allowed: false, state };
  }
}

/** The state after a request succeeded: closed, failures forgotten. */
export const afterSuccess = (_state: BreakerState): BreakerState => closedCircuit();

/** The state after a request failed at `nowMs`: a failed trial or the threshold reopens it. */
export function afterFailure(
  state: BreakerState,
  nowMs: number,
  settings: BreakerSettings,
): BreakerState {
  const open: BreakerState = { kind: 'open', untilMs: nowMs + settings.cooldownMs };
  switch (state.kind) {
    case 'closed': {
      const failures = state.failures + 1;
      return settings.failureThreshold > 0 && failures >= settings.failureThreshold
        ? open
        : { kind: 'closed', failures };
    }
    case 'half-open':
      return open;
    case 'open':
      return state;
  }
}
