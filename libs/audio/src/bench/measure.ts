import { monotonicNowMs } from '../pacer/monotonicNow';

/** Calls `work` repeatedly for about `budgetMs` (after a warm-up) and returns calls per second. */
export const throughput = (work: () => number, budgetMs = 1000): number => {
  let sink = 0;
  for (let i = 0; i < 200; i++) sink += work();
  let calls = 0;
  const start = monotonicNowMs();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    for (let i = 0; i < 100; i++) sink += work();
    calls += 100;
    elapsed = monotonicNowMs() - start;
  }
  if (sink === Number.MIN_VALUE) throw new Error('unreachable; keeps the work observable');
  return (calls * 1000) / elapsed;
};

/** The p-th percentile (0–100) of `values`, nearest rank. */
export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
    NaN
  );
};

/** Media calls one core can carry when each call needs `perCall` operations per second at `fps` each. */
export const callsPerCore = (needs: readonly { fps: number; perSecond: number }[]): number =>
  1 / needs.reduce((cost, need) => cost + need.perSecond / need.fps, 0);
