import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ManagedProcess, startProcess, throwIfExited } from './process';
import { toolPath } from './toolPath';
import { canConnect, waitFor } from './waitFor';

/** A real nats-server with JetStream on a random loopback port and a temporary store. */
export interface NatsServerHandle {
  readonly url: string;
  readonly port: number;
  readonly monitorUrl: string;
  readonly pid: number;
  readonly storeDir: string;
  /** Stops the server (by PID) and keeps its store, so it can be restarted on the same data. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and store after kill(). */
  restart(): Promise<void>;
  /** Stops the server and removes its temporary directory. */
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Options of {@link startNatsServer}. */
export interface NatsServerOptions {
  /** Default true: JetStream with a file store in the temporary directory. */
  jetstream?: boolean;
  /** Extra lines appended to the generated config. */
  extraConfig?: string;
}

interface Ports {
  nats: string[];
  monitoring?: string[];
}

const readPorts = (dir: string): Ports | undefined => {
  const file = readdirSync(dir).find((f) => f.endsWith('.ports'));
  if (!file) return undefined;
  try {
    return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Ports;
  } catch {
    return undefined; // written but not complete yet
  }
};

const portOf = (url: string | undefined): number => Number(new URL(url ?? 'x://h:0').port);

/**
 * Starts nats-server as the nats.js `nst` launcher does: a config with `port: -1`
 * and `ports_file_dir`, wait for the ports file, then for a TCP connect.
 */
export const startNatsServer = async (
  options: NatsServerOptions = {},
): Promise<NatsServerHandle> => {
  const binary = toolPath('nats-server');
  const dir = mkdtempSync(path.join(tmpdir(), 'warmline-nats-'));
  const storeDir = path.join(dir, 'jetstream');
  const portsDir = path.join(dir, 'ports');
  // A port of -1 lets nats-server choose a free one and report it in the ports file.
  const writeConfig = (port: number, monitor: number) => {
    const config = [
      `listen: "127.0.0.1:${port}"`,
      `http: "127.0.0.1:${monitor}"`,
      `ports_file_dir: "${portsDir}"`,
      options.jetstream === false ? '' : `jetstream { store_dir: "${storeDir}" }`,
      options.extraConfig ?? '',
    ].join('\n');
    writeFileSync(path.join(dir, 'nats.conf'), config);
  };

  const launch = async (port: number, monitor: number) => {
    rmSync(portsDir, { recursive: true, force: true });
    mkdirSync(portsDir, { recursive: true });
    writeConfig(port, monitor);
    const proc = startProcess(binary, ['-c', path.join(dir, 'nats.conf')]);
    try {
      const ports = await waitFor(
        async () => {
          await throwIfExited(proc);
          const found = readPorts(portsDir);
          if (!found?.nats[0]) return undefined;
          return (await canConnect(portOf(found.nats[0]))) ? found : undefined;
        },
        { describe: () => `nats-server to listen (output: ${proc.output()})` },
      );
      return { proc, port: portOf(ports.nats[0]), monitor: portOf(ports.monitoring?.[0]) };
    } catch (err) {
      await proc.stop(); // it may be running but not listening
      throw err;
    }
  };

  const first = await launch(-1, -1).catch((err: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  });
  const { port, monitor } = first;
  let current: ManagedProcess | undefined = first.proc;

  const kill = async () => {
    await current?.stop();
    current = undefined;
  };
  const handle: NatsServerHandle = {
    url: `nats://127.0.0.1:${port}`,
    port,
    monitorUrl: `http://127.0.0.1:${monitor}`,
    get pid() {
      return current?.pid ?? -1;
    },
    storeDir,
    kill,
    restart: async () => {
      await kill();
      current = (await launch(port, monitor)).proc;
    },
    stop: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
    [Symbol.asyncDispose]: () => handle.stop(),
  };
  return handle;
};
