import { type ChildProcess, spawn } from 'node:child_process';

/** A child process the harness started; stop() ends it by PID. */
export interface ManagedProcess {
  readonly pid: number;
  readonly child: ChildProcess;
  /** Output so far (stdout and stderr), for error messages. */
  output(): string;
  stop(): Promise<void>;
}

const MAX_OUTPUT = 64 * 1024;

/** Starts a program with its own process group so stop() can end it and its children. */
export const startProcess = (
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): ManagedProcess => {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-MAX_OUTPUT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopping: Promise<void> | undefined;
  return {
    pid,
    child,
    output: () => output,
    stop: () => {
      stopping ??= stopProcess(pid, child, exited);
      return stopping;
    },
  };
};

const signal = (pid: number, sig: NodeJS.Signals) => {
  try {
    process.kill(-pid, sig);
  } catch {
    // already gone
  }
};

const stopProcess = async (pid: number, child: ChildProcess, exited: Promise<void>) => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  signal(pid, 'SIGTERM');
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((r) => setTimeout(() => r(true), 5_000).unref()),
  ]);
  if (timedOut) {
    signal(pid, 'SIGKILL');
    await exited;
  }
};
