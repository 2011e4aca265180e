import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU ms used so far by process `pid` (Linux /proc), or NaN elsewhere. */
export const processCpuMs = (pid: number): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
};

/** Measures the share of one core each of some processes used between two calls. */
export class CpuMeter {
  private last = new Map<number, number>();
  private since = performance.now();

  constructor(private readonly pids: Readonly<Record<string, number>>) {
    this.reset();
  }

  /** Starts a new interval. */
  reset(): void {
    this.last = new Map(Object.values(this.pids).map((pid) => [pid, processCpuMs(pid)]));
    this.since = performance.now();
  }

  /** Share of a core per process name since the last call, then starts a new interval. */
  read(): Record<string, number> {
    const elapsed = performance.now() - this.since;
    const out: Record<string, number> = {};
    for (const [name, pid] of Object.entries(this.pids))
      out[name] = (processCpuMs(pid) - (this.last.get(pid) ?? NaN)) / elapsed;
    this.reset();
    return out;
  }
}
