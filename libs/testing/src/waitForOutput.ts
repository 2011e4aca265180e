import { ProcessExitedError, WaitTimeoutError } from './errors';
import type { OutputLine, OutputStream } from './outputLog';
import type { ManagedProcess } from './process';

/** Options of {@link waitForOutput}. */
export interface WaitForOutputOptions {
  /** Which stream to watch; default `'stdout'`. */
  stream?: OutputStream | 'both';
  /** Default 10 000. */
  timeoutMs?: number;
}

/**
 * Resolves with the match of the first output line (kept or future) that matches `pattern`, e.g.
 * `await waitForOutput(proc, /listening on (\d+)/)`. Lines already printed count, so there is no
 * race with a fast process. Rejects with {@link ProcessExitedError} if the process ends first and
 * with {@link WaitTimeoutError} after `timeoutMs`.
 */
export const waitForOutput = (
  proc: ManagedProcess,
  pattern: RegExp,
  { stream = 'stdout', timeoutMs = 10_000 }: WaitForOutputOptions = {},
): Promise<RegExpExecArray> => {
  // A global or sticky pattern keeps state in lastIndex between exec() calls.
  const regex = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  const matchOf = (line: OutputLine) =>
    stream === 'both' || line.stream === stream ? regex.exec(line.text) : null;

  for (const line of proc.lines()) {
    const match = matchOf(line);
    if (match) return Promise.resolve(match);
  }
  return new Promise<RegExpExecArray>((resolve, reject) => {
    let done = false;
    const finish = (outcome: () => void) => {
      if (done) return;
      done = true;
      unsubscribe();
      clearTimeout(timer);
      outcome();
    };
    const unsubscribe = proc.onLine((line) => {
      const match = matchOf(line);
      if (match) finish(() => resolve(match));
    });
    const timer = setTimeout(() => {
      const what = `${String(pattern)} from ${proc.command}`;
      finish(() => reject(new WaitTimeoutError(what, timeoutMs)));
    }, timeoutMs);
    void proc.exited.then((exit) =>
      finish(() => reject(new ProcessExitedError(proc.command, exit, proc.output()))),
    );
  });
};
