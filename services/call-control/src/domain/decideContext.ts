/**
 * Everything impure that `decide` needs, passed in so the decider stays deterministic:
 * the clock, an id source, and configuration resolved by the adapter.
 */
export interface DecideContext {
  /** The current time in ms since the epoch; stamps events and checks ring deadlines. */
  readonly nowMs: number;
  /** A fresh unique id per call (event ids, callee leg ids). */
  readonly newId: () => string;
  /**
   * Where connect() rings: the connector's original callee, from configuration.
   * Never taken from a command or model text. Absent when the connector has none.
   */
  readonly calleeDestination?: string;
}
