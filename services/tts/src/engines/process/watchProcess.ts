import type { ChildProcess } from 'node:child_process';

/** How a child process ended. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Set when it could not be started at all (ENOENT, EACCES). */
  readonly spawnError?: Error;
}

/** A child process being watched by {@link watchProcess}. */
export interface WatchedProcess {
  /** Resolves once the process has ended and been reaped (never rejects). */
  readonly exited: Promise<ProcessExit>;
  /** SIGKILL to its process group, unless it already exited. */
  kill(): void;
  /** The last 2 KiB of its standard error. */
  stderr(): string;
}

const STDERR_KEEP = 2_048;

/**
 * Watches a child started with `detached: true` (it leads its own process
 * group): collects the tail of its stderr, kills the group on request or after
 * `timeoutMs`, and reports how it ended. Only a group seen alive is signalled,
 * because a PID is free for reuse once the process is reaped.
 */
export const watchProcess = (child: ChildProcess, timeoutMs: number): WatchedProcess => {
  let stderr = '';
  let ended = false;
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => {
    stderr = (stderr + text).slice(-STDERR_KEEP);
  });
  const kill = () => {
    if (ended || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // ESRCH: the group is gone already
    }
  };
  const timer = setTimeout(kill, timeoutMs);
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('error', (error) => {
      if (child.pid !== undefined) return; // an error of a running process; 'close' follows
      ended = true;
      clearTimeout(timer);
      resolve({ code: null, signal: null, spawnError: error });
    });
    child.once('exit', () => {
      ended = true;
      clearTimeout(timer);
    });
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
      ended = true;
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
  return { exited, kill, stderr: () => stderr };
};
