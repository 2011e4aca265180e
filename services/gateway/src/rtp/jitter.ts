/** Interarrival jitter (RFC 3550 §6.4.1 and appendix A.8), as a pure function. */

/** Jitter state for one source. */
export interface JitterState {
  /** Current jitter estimate in timestamp units. */
  readonly jitter: number;
  /** The previous packet's arrival time (in timestamp units) and RTP timestamp. */
  readonly last?: { readonly arrival: number; readonly timestamp: number };
}

/** The initial jitter state. */
export const INITIAL_JITTER: JitterState = { jitter: 0 };

/** Signed difference `a - b` of two 32-bit RTP timestamps, handling wrap-around. */
export function timestampDelta(a: number, b: number): number {
  return (a - b) | 0;
}

/**
 * Updates the jitter with one packet: D = (Rj - Ri) - (Sj - Si), J += (|D| - J) / 16.
 * `arrivalMs` is the local arrival time in milliseconds (any origin), `clockRate` the RTP clock.
 */
export function updateJitter(
  state: JitterState,
  rtpTimestamp: number,
  arrivalMs: number,
  clockRate: number,
): JitterState {
  const arrival = (arrivalMs * clockRate) / 1000;
  const next = { arrival, timestamp: rtpTimestamp >>> 0 };
  if (!state.last) return { jitter: state.jitter, last: next };
  const d = arrival - state.last.arrival - timestampDelta(next.timestamp, state.last.timestamp);
  return { jitter: state.jitter + (Math.abs(d) - state.jitter) / 16, last: next };
}
