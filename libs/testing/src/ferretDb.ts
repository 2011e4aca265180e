import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ProcessExitedError } from './errors';
import { freePorts } from './freePorts';
import { httpOk } from './httpOk';
import { mongoHello } from './mongoHello';
import { type ManagedProcess, startProcess, throwIfExited } from './process';
import { toolPath } from './toolPath';
import { waitFor } from './waitFor';

/** A real FerretDB (MongoDB wire protocol over SQLite) on a random loopback port. */
export interface FerretDbHandle {
  /** `mongodb://127.0.0.1:<port>/`, for the official driver unchanged. */
  readonly url: string;
  readonly port: number;
  /** FerretDB's debug HTTP listener (`/debug/livez`, `/debug/metrics`); restart() may move it. */
  readonly debugUrl: string;
  /** The server's PID, or -1 between kill() and restart(). */
  readonly pid: number;
  /** The temporary directory holding the SQLite files (one per database) and state.json. */
  readonly dataDir: string;
  /** Stops the server (by PID) and keeps its data, so restart() finds it again. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and data after kill(). */
  restart(): Promise<void>;
  /** Stops the server (by PID) and removes its temporary directory. */
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Options of {@link startFerretDb}. */
export interface FerretDbOptions {
  /** FerretDB's own log level; default `'warn'`. Its log is in errors when it fails to start. */
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Extra `ferretdb` flags. */
  args?: readonly string[];
  /** How long one start may take before giving up; default 20 000. */
  startTimeoutMs?: number;
  /** Starts with fresh ports when a chosen port was taken meanwhile; default 5. */
  attempts?: number;
}

const isPortClash = (err: unknown) =>
  err instanceof ProcessExitedError && /address already in use/i.test(err.output);

/**
 * Starts FerretDB 1.24 with its SQLite backend in a temporary directory, telemetry off, on two free
 * loopback ports: the MongoDB listener and the debug HTTP listener (whose default, 8088, would
 * clash between parallel instances). FerretDB cannot choose a port itself, so ports are picked
 * free and the start is retried if one was taken in between. Ready means: the process is alive,
 * its `/debug/livez` says its own listener is up, and the port answers a MongoDB `hello`.
 *
 * Known gaps of FerretDB 1.24 (see ferretDb.int.test.ts): no change streams, no TTL indexes, no
 * multi-document transactions.
 */
export const startFerretDb = async (options: FerretDbOptions = {}): Promise<FerretDbHandle> => {
  const binary = toolPath('ferretdb');
  const dir = mkdtempSync(path.join(tmpdir(), 'warmline-ferretdb-'));
  const { logLevel = 'warn', startTimeoutMs = 20_000, attempts = 5 } = options;

  const launch = async (port: number, debugPort: number) => {
    const proc = startProcess(binary, [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--state-dir=${dir}`,
      `--listen-addr=127.0.0.1:${port}`,
      `--debug-addr=127.0.0.1:${debugPort}`,
      '--telemetry=disable',
      `--log-level=${logLevel}`,
      ...(options.args ?? []),
    ]);
    try {
      await waitFor(
        async () => {
          await throwIfExited(proc);
          if (!(await httpOk(`http://127.0.0.1:${debugPort}/debug/livez`))) return undefined;
          return (await mongoHello(port)) ? true : undefined;
        },
        { timeoutMs: startTimeoutMs, describe: () => `ferretdb on port ${port}: ${proc.output()}` },
      );
      await throwIfExited(proc); // a hello from another server that took our port
      return { proc, port, debugPort };
    } catch (err) {
      await proc.stop();
      throw err;
    }
  };

  /** Starts on `fixedPort` (restart) or a fresh port, with a fresh debug port on each attempt. */
  const launchWithRetries = async (fixedPort?: number) => {
    for (let attempt = 1; ; attempt++) {
      const [port = 0, debugPort = 0] = await freePorts(2);
      try {
        return await launch(fixedPort ?? port, debugPort);
      } catch (err) {
        if (attempt >= attempts || !isPortClash(err)) throw err;
      }
    }
  };

  const first = await launchWithRetries().catch((err: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  });
  let current: ManagedProcess | undefined = first.proc;
  let debugPort = first.debugPort;
  const kill = async () => {
    await current?.stop();
    current = undefined;
  };
  const handle: FerretDbHandle = {
    url: `mongodb://127.0.0.1:${first.port}/`,
    port: first.port,
    get debugUrl() {
      return `http://127.0.0.1:${debugPort}`;
    },
    get pid() {
      return current?.pid ?? -1;
    },
    dataDir: dir,
    kill,
    restart: async () => {
      await kill();
      const next = await launchWithRetries(first.port);
      current = next.proc;
      debugPort = next.debugPort;
    },
    stop: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
    [Symbol.asyncDispose]: () => handle.stop(),
  };
  return handle;
};
