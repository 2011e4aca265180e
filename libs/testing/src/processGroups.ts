/**
 * Process groups the harness started and has not seen end. If the test runner exits while some
 * are still alive (a test forgot stop(), or a worker is shutting down after a failure), they are
 * killed on the way out, by their group id, so no server outlives the run.
 */
const live = new Set<number>();
let hooked = false;

/** Sends `signal` to the process group `pgid`; false if the group no longer exists. */
export const signalGroup = (pgid: number, signal: NodeJS.Signals): boolean => {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: every member has exited
  }
};

/** Remembers a group started with `detached: true` (the child is its leader, pgid = pid). */
export const trackGroup = (pgid: number): void => {
  live.add(pgid);
  if (hooked) return;
  hooked = true;
  // 'exit' handlers must be synchronous: a SIGKILL is all we can do here.
  process.once('exit', () => {
    for (const group of live) signalGroup(group, 'SIGKILL');
  });
};

/** Forgets a group whose leader has exited. */
export const untrackGroup = (pgid: number): void => {
  live.delete(pgid);
};
