/** How many heartbeat intervals of silence mean the other side is gone (the platform uses 3 too). */
export const MISSED_HEARTBEATS_LIMIT = 3;

/** The interval used when the platform's welcome names none. */
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 5_000;

/** Whether nothing was heard for more than the allowed number of intervals. */
export function isSilent(lastReceivedMs: number, nowMs: number, intervalMs: number): boolean {
  return nowMs - lastReceivedMs > MISSED_HEARTBEATS_LIMIT * intervalMs;
}
