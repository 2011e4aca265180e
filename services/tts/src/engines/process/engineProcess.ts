import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { EngineExitError, EngineNotFoundError, SynthesisAbortedError } from '../engineErrors';
import type { FifoPool } from './fifoPool';
import { type ProcessExit, watchProcess } from './watchProcess';

/** One run of an engine's program. */
export interface EngineCommand {
  readonly binary: string;
  readonly args: readonly string[];
  /** Written to the program's stdin, which is then closed (no stdin when undefined). */
  readonly stdin?: string;
  /**
   * `stdout`: the program writes to file descriptor 1 (espeak-ng --stdout).
   * `fifo`: it opens an output path itself (`/dev/stdout`), so its stdout must be a real pipe.
   */
  readonly output: 'stdout' | 'fifo';
}

/** What {@link runEngineProcess} needs besides the command. */
export interface RunContext {
  /** The engine's name, for errors. */
  readonly engine: string;
  readonly signal: AbortSignal;
  readonly fifos: FifoPool;
  /** A run still going after this long is killed and fails (default 30 000 ms). */
  readonly timeoutMs?: number;
}

interface Started {
  readonly child: ChildProcess;
  readonly stdout: Readable;
  readonly fifo: string | undefined;
}

const start = async (command: EngineCommand, fifos: FifoPool): Promise<Started> => {
  const stdin = command.stdin === undefined ? 'ignore' : 'pipe';
  const options = { detached: true } as const; // its own process group; the environment is inherited
  if (command.output === 'stdout') {
    const child = spawn(command.binary, command.args, {
      ...options,
      stdio: [stdin, 'pipe', 'pipe'],
    });
    return { child, stdout: child.stdout!, fifo: undefined };
  }
  const fifo = await fifos.acquire();
  // Non-blocking read end first, then the write end (which does not block: a reader exists).
  const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  const stdout = new Socket({ fd: reader, readable: true, writable: false });
  try {
    const writer = openSync(fifo, constants.O_WRONLY);
    try {
      const child = spawn(command.binary, command.args, {
        ...options,
        stdio: [stdin, writer, 'pipe'],
      });
      return { child, stdout, fifo };
    } finally {
      closeSync(writer); // the child holds its own copy: its exit ends the stream
    }
  } catch (error) {
    stdout.destroy();
    await fifos.release(fifo, false);
    throw error;
  }
};

/**
 * Runs an engine's program and yields its output bytes as they arrive. The
 * program leads its own process group; an abort, a timeout or a consumer that
 * stops iterating kills the whole group with SIGKILL, and the generator returns
 * only after the process has been reaped: no orphans, no zombies.
 *
 * @throws {@link EngineNotFoundError} the program is not installed
 * @throws {@link EngineExitError} it exited non-zero (or was killed by the timeout)
 * @throws {@link SynthesisAbortedError} the signal aborted
 */
export async function* runEngineProcess(
  command: EngineCommand,
  context: RunContext,
): AsyncGenerator<Uint8Array, void, undefined> {
  if (context.signal.aborted) throw new SynthesisAbortedError(context.engine);
  const { child, stdout, fifo } = await start(command, context.fifos);
  const watched = watchProcess(child, context.timeoutMs ?? 30_000);
  const onAbort = () => watched.kill();
  context.signal.addEventListener('abort', onAbort, { once: true });
  if (context.signal.aborted) watched.kill(); // aborted while it was being started
  if (command.stdin !== undefined) {
    child.stdin?.on('error', () => undefined); // EPIPE when the program exits without reading
    child.stdin?.end(command.stdin);
  }
  let clean = false;
  try {
    for await (const chunk of stdout) yield chunk as Buffer;
    const exit: ProcessExit = await watched.exited;
    if (context.signal.aborted) throw new SynthesisAbortedError(context.engine);
    if (exit.spawnError)
      throw new EngineNotFoundError(context.engine, command.binary, { cause: exit.spawnError });
    if (exit.code !== 0)
      throw new EngineExitError(context.engine, exit.code, exit.signal, watched.stderr());
    clean = true;
  } finally {
    context.signal.removeEventListener('abort', onAbort);
    watched.kill(); // no-op once it exited
    stdout.destroy();
    await watched.exited;
    if (fifo !== undefined) await context.fifos.release(fifo, clean);
  }
}
