import { type ChildProcess, spawn } from 'node:child_process';
import { ProcessExitedError, ProcessStartError, type ProcessExit } from './errors';
import { createOutputLog, type LineListener, type OutputLine } from './outputLog';
import { signalGroup, trackGroup, untrackGroup } from './processGroups';

/** A child process the harness started; stop() ends it (and its process group) by PID. */
export interface ManagedProcess {
  readonly pid: number;
  readonly child: ChildProcess;
  /** What was run, for messages. */
  readonly command: string;
  /** Output so far (stdout and stderr interleaved, the last 64 KiB), for error messages. */
  output(): string;
  /** Complete output lines read so far (the last 2 000). */
  lines(): readonly OutputLine[];
  /** Subscribes to lines read from now on; returns the unsubscribe function. */
  onLine(listener: LineListener): () => void;
  /** Resolves once the process has ended and all its output has been read. */
  readonly exited: Promise<ProcessExit>;
  /** The exit, once it happened. */
  exitStatus(): ProcessExit | undefined;
  /**
   * SIGTERM to the process group, SIGKILL if it has not ended after `stopTimeoutMs`; resolves when
   * it has ended. Safe to call more than once and after the process has ended.
   */
  stop(): Promise<void>;
}

/** Options of {@link startProcess}. */
export interface StartProcessOptions {
  cwd?: string;
  /** The whole environment of the child; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Grace period between SIGTERM and SIGKILL in stop(); default 5 000. */
  stopTimeoutMs?: number;
}

/**
 * Starts a program as the leader of its own process group, so stop() ends it and its children.
 * Throws {@link ProcessStartError} if it cannot be spawned.
 */
export const startProcess = (
  command: string,
  args: readonly string[],
  options: StartProcessOptions = {},
): ManagedProcess => {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const log = createOutputLog();
  // A spawn failure (ENOENT, EACCES) is also emitted as 'error' on the next tick; without a
  // listener that would be an uncaught exception. The missing pid already tells us.
  child.on('error', () => undefined);
  if (child.pid === undefined) throw new ProcessStartError(command);
  const pid = child.pid;
  trackGroup(pid);

  for (const stream of ['stdout', 'stderr'] as const) {
    const readable = child[stream];
    readable?.setEncoding('utf8'); // decodes characters split across chunks
    readable?.on('data', (chunk: string) => log.push(stream, chunk));
    readable?.on('end', () => log.end(stream));
  }
  let exit: ProcessExit | undefined;
  child.once('exit', (code, signal) => {
    exit = { code, signal };
    untrackGroup(pid);
  });
  const exited = new Promise<ProcessExit>((resolve) =>
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) =>
      resolve(exit ?? { code, signal }),
    ),
  );

  let stopping: Promise<void> | undefined;
  const proc: ManagedProcess = {
    pid,
    child,
    command: [command, ...args].join(' '),
    output: () => log.text(),
    lines: () => log.lines(),
    onLine: (listener) => log.onLine(listener),
    exited,
    exitStatus: () => exit,
    stop: () => {
      stopping ??= stopProcess(proc, options.stopTimeoutMs ?? 5_000);
      return stopping;
    },
  };
  return proc;
};

/** Resolves true if `promise` settles within `ms`. */
const within = async (promise: Promise<unknown>, ms: number): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
};

const stopProcess = async (proc: ManagedProcess, graceMs: number): Promise<void> => {
  // Once the leader has exited its PID may be reused, so only signal a group we saw alive.
  if (proc.exitStatus() === undefined) {
    signalGroup(proc.pid, 'SIGTERM');
    if (!(await within(proc.exited, graceMs))) signalGroup(proc.pid, 'SIGKILL');
  }
  // A grandchild that left the group could hold the pipes open; do not wait on it forever.
  if (!(await within(proc.exited, graceMs))) {
    proc.child.stdout?.destroy();
    proc.child.stderr?.destroy();
    await proc.exited;
  }
};

/**
 * Throws {@link ProcessExitedError} (with the complete output) if `proc` has ended; for use inside
 * a {@link waitFor} check, so waiting for a server stops as soon as the server dies.
 */
export const throwIfExited = async (proc: ManagedProcess): Promise<void> => {
  if (proc.exitStatus() === undefined) return;
  throw new ProcessExitedError(proc.command, await proc.exited, proc.output());
};
