import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** Busy and total jiffies of all cores so far (Linux /proc/stat). */
const cpuJiffies = (): { busy: number; total: number } => {
  const fields = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
};

/** Measures how busy the whole machine was (all processes, every core) between two reads. */
export class MachineMeter {
  private last = cpuJiffies();

  /** Cores' worth of CPU in use since the last read (0 – number of cores). */
  read(): number {
    const now = cpuJiffies();
    const share = (now.busy - this.last.busy) / Math.max(1, now.total - this.last.total);
    this.last = now;
    return share * cpus().length;
  }
}

/** The machine, for the report. */
export const machineInfo = () => ({
  cores: cpus().length,
  model: cpus()[0]?.model ?? 'unknown',
  loadAverage1m: loadavg()[0] ?? NaN,
  node: process.version,
});
