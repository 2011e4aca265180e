import { readFileSync } from 'node:fs';

/** Linux clock ticks per second for /proc times (USER_HZ, 100 on every mainstream kernel). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system) a process has used so far, in ms, from
 * /proc/<pid>/stat; undefined where that is not readable. On a shared,
 * loaded machine this is a fairer real-time factor than wall time.
 */
export const processCpuMs = (pid: number | undefined): number | undefined => {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of the line)
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
};
