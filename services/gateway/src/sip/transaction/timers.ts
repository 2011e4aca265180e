/** RFC 3261 §17 timer values (Table 4), in ms; tests may shorten T1. */
export interface SipTimers {
  /** RTT estimate (500 ms). */
  readonly t1: number;
  /** Longest retransmit interval for non-INVITE requests and INVITE responses (4 s). */
  readonly t2: number;
  /** Longest a message stays in the network (5 s). */
  readonly t4: number;
}

/** The RFC's defaults. */
export const DEFAULT_TIMERS: SipTimers = { t1: 500, t2: 4000, t4: 5000 };

/** Due times of a transaction's named timers (A..K), absolute ms. */
export type TimerTable = Map<string, number>;

/** The earliest due time in a table. */
export const earliest = (timers: TimerTable): number | undefined => {
  let best: number | undefined;
  for (const due of timers.values()) if (best === undefined || due < best) best = due;
  return best;
};

/** Timer names due at `now`, earliest first; they are removed from the table. */
export const takeDue = (timers: TimerTable, now: number): string[] => {
  const due = [...timers.entries()].filter(([, at]) => at <= now).sort((a, b) => a[1] - b[1]);
  for (const [name] of due) timers.delete(name);
  return due.map(([name]) => name);
};
