/** Exponential restart delays: `baseMs`, doubling per consecutive failure, capped at `maxMs`. */
export const restartDelayMs = (failures: number, baseMs = 200, maxMs = 5_000): number =>
  Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
