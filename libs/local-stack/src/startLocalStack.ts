import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  type FerretDbHandle,
  freePorts,
  type ManagedProcess,
  type NatsServerHandle,
  repoRoot,
  startFerretDb,
  startNatsServer,
  startProcess,
  startTsProcess,
  waitForOutput,
} from '@warmline/testing';
import { DEFAULT_CARRIER_ACCOUNT, type LocalCarrierAccount } from './demoCarrier';
import { LocalStackOptionsError, ServiceStartError } from './errors';
import { formatLogLine } from './logFormat';
import { type ServiceName, SERVICE_NAMES, startOrder } from './serviceNames';
import { type CallHandlerName, serviceSpec, type StackSettings } from './serviceSpecs';

/** One output line of a service, raw (pino JSON) and formatted for a terminal. */
export interface StackLogLine {
  readonly service: ServiceName | 'local-stack';
  readonly line: string;
  readonly formatted: string;
}

/** Options of {@link startLocalStack}. */
export interface LocalStackOptions {
  /** Which services to run (default: all seven). Leave one out to play its part yourself. */
  readonly services?: readonly ServiceName[];
  /** Use this NATS server (JetStream enabled) instead of starting one. */
  readonly natsUrl?: string;
  /** Use this MongoDB (or FerretDB) instead of starting FerretDB. */
  readonly mongoUrl?: string;
  /** Who answers calls: the built-in agent (default) or an SDK application. */
  readonly handler?: CallHandlerName;
  /** The carrier account, numbers and connector the gateway trusts (defaults: DEFAULT_CARRIER_ACCOUNT). */
  readonly carrier?: Partial<LocalCarrierAccount>;
  /** Where the gateway sends carrier REST calls (Twilio's API); default a closed loopback port. */
  readonly carrierApiBaseUrl?: string;
  /** The call-control API key for SDK applications; default a random one. */
  readonly apiKey?: string;
  /** The services' LOG_LEVEL; default 'info'. */
  readonly logLevel?: string;
  /** Extra environment per service, applied last (e.g. `{ orchestrator: { ORCHESTRATOR_RING_TIME: '10s' } }`). */
  readonly env?: Partial<Record<ServiceName, Readonly<Record<string, string>>>>;
  /**
   * Where service output goes: 'stdout' (default, formatted and prefixed), 'silent', or a function
   * that gets every line.
   */
  readonly logs?: 'stdout' | 'silent' | ((line: StackLogLine) => void);
  /** 'source' (default: TypeScript compiled on load, no build needed) or 'dist' (after `pnpm build`). */
  readonly runFrom?: 'source' | 'dist';
  /** How long each service may take to be ready; default 60 000. */
  readonly readyTimeoutMs?: number;
  /** Grace between SIGTERM and SIGKILL when stopping a service; default 5 000. */
  readonly stopTimeoutMs?: number;
  /** The context-store database; default 'warmline_context'. */
  readonly contextDatabase?: string;
  /**
   * How calls reach the gateway: 'twilio' (default; carrier media streams have no mixer, so the
   * saga's whispered briefing to the human is turned off) or 'sip'.
   */
  readonly transport?: 'twilio' | 'sip';
  /**
   * Also run the gateway's SIP trunk (UDP on a free loopback port, RTP on any free port) with
   * `connect()` ringing `calleeUri` (call-control's callee destination for the connector, and the
   * only URI the SIP route may ring). Turns the saga's whispered briefing on (SIP has the mixer).
   */
  readonly sip?: LocalSipOptions;
}

/** The SIP side of the stack ({@link LocalStackOptions.sip}). */
export interface LocalSipOptions {
  /** Where `connect()` rings the human (e.g. a baresip's `sip:human@127.0.0.1:5071`). */
  readonly calleeUri: string;
  /** The Request-URI user callers dial; default the carrier number (`sip:+15550100100@…`). */
  readonly user?: string;
  /** The gateway's SIP port (UDP); default a free one. */
  readonly port?: number;
}

/** A service the stack runs. */
export interface StackService {
  readonly name: ServiceName;
  readonly process: ManagedProcess;
  readonly pid: number;
}

/** The running stack: where everything listens, and stop(). */
export interface LocalStack {
  readonly natsUrl: string;
  readonly mongoUrl: string;
  /** The servers the stack started itself (undefined when given by URL). */
  readonly nats?: NatsServerHandle;
  readonly ferretDb?: FerretDbHandle;
  /** The gateway's HTTP/WebSocket base (`http://127.0.0.1:<port>`), when it runs. */
  readonly gateway?: {
    readonly httpUrl: string;
    readonly port: number;
    /** `ws://…/twilio/stream`: where a Twilio-protocol caller connects. */
    readonly twilioStreamUrl: string;
    /** With {@link LocalStackOptions.sip}: the SIP port (UDP) and the URI callers dial. */
    readonly sip?: { readonly port: number; readonly uri: string };
  };
  /** call-control's gRPC address (`127.0.0.1:<port>`) and the API key SDK applications use. */
  readonly callControl?: { readonly grpcAddress: string; readonly apiKey: string };
  /** context-store's gRPC address and the agent desk's URL. */
  readonly contextStore?: { readonly grpcAddress: string; readonly deskUrl?: string };
  readonly carrier: LocalCarrierAccount;
  readonly services: ReadonlyMap<ServiceName, StackService>;
  /** Stops every service in reverse start order (SIGTERM, then SIGKILL), then the servers it started. */
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

const WIDTH = Math.max(...SERVICE_NAMES.map((n) => n.length));

const sinkOf = (logs: LocalStackOptions['logs']): ((line: StackLogLine) => void) => {
  if (logs === 'silent') return () => undefined;
  if (typeof logs === 'function') return logs;
  return (line) => process.stdout.write(`${line.formatted}\n`);
};

const launch = (
  name: ServiceName,
  env: Record<string, string>,
  options: LocalStackOptions,
): ManagedProcess => {
  const dir = path.join(repoRoot(), 'services', name);
  const stopTimeoutMs = options.stopTimeoutMs ?? 5_000;
  if (options.runFrom === 'dist') {
    const entry = path.join(dir, 'dist', 'main.js');
    if (!existsSync(entry)) {
      throw new ServiceStartError(name, `${entry} is missing: run \`pnpm build\` first`, '');
    }
    return startProcess(process.execPath, ['--enable-source-maps', entry], {
      cwd: dir,
      env: { ...process.env, ...env },
      stopTimeoutMs,
    });
  }
  return startTsProcess(path.join('src', 'main.ts'), { cwd: dir, env, stopTimeoutMs });
};

/** The JSON record of the first line matching `ready`, for the fields a service reports. */
const readyRecord = async (
  proc: ManagedProcess,
  ready: RegExp,
  timeoutMs: number,
): Promise<Record<string, unknown>> => {
  const match = await waitForOutput(proc, ready, { timeoutMs });
  const line = proc.lines().find((l) => l.text.includes(match[0]))?.text ?? '{}';
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return {};
  }
};

/**
 * Starts nats-server (JetStream) and FerretDB on free loopback ports, unless given by URL, then
 * each wanted service as its own process, one after the other, each waited for until it says it
 * is ready. Service output goes through {@link LocalStackOptions.logs}, one prefixed line each.
 * If anything fails to start, everything started so far is stopped and the error is thrown.
 *
 * @throws {@link ServiceStartError} naming the service, with its output
 */
export const startLocalStack = async (options: LocalStackOptions = {}): Promise<LocalStack> => {
  const wanted = startOrder(options.services ?? SERVICE_NAMES);
  if (options.services && wanted.length !== options.services.length) {
    throw new LocalStackOptionsError(
      `unknown service in ${JSON.stringify(options.services)}; known: ${SERVICE_NAMES.join(', ')}`,
    );
  }
  const sink = sinkOf(options.logs);
  const note = (text: string) =>
    sink({
      service: 'local-stack',
      line: text,
      formatted: formatLogLine('local-stack', text, WIDTH),
    });
  const carrier = { ...DEFAULT_CARRIER_ACCOUNT, ...options.carrier };
  const started: StackService[] = [];
  let stopping = false;
  let nats: NatsServerHandle | undefined;
  let ferretDb: FerretDbHandle | undefined;

  const stopAll = async () => {
    stopping = true;
    for (const service of [...started].reverse()) {
      await service.process.stop();
      note(`${service.name} stopped (pid ${service.pid})`);
    }
    started.length = 0;
    await ferretDb?.stop();
    await nats?.stop();
    ferretDb = undefined;
    nats = undefined;
  };

  try {
    if (options.natsUrl === undefined) {
      nats = await startNatsServer();
      note(`nats-server ${nats.url} (pid ${nats.pid})`);
    }
    const needsMongo = wanted.includes('context-store');
    if (options.mongoUrl === undefined && needsMongo) {
      ferretDb = await startFerretDb();
      note(`ferretdb ${ferretDb.url} (pid ${ferretDb.pid})`);
    }
    const [gatewayPort = 0, sipPort = 0] = await freePorts(2);
    const sip = options.sip
      ? {
          calleeUri: options.sip.calleeUri,
          user: options.sip.user ?? carrier.number,
          port: options.sip.port ?? sipPort,
        }
      : undefined;
    const settings: StackSettings = {
      natsUrl: options.natsUrl ?? nats?.url ?? '',
      mongoUrl: options.mongoUrl ?? ferretDb?.url ?? 'mongodb://127.0.0.1:27017/',
      logLevel: options.logLevel ?? 'info',
      apiKey: options.apiKey ?? `local-${randomBytes(12).toString('hex')}`,
      handler: options.handler ?? 'BUILT_IN_AGENT',
      carrier,
      carrierApiBaseUrl: options.carrierApiBaseUrl ?? 'http://127.0.0.1:9',
      gatewayPort,
      contextDatabase: options.contextDatabase ?? 'warmline_context',
      briefing: options.transport === 'sip' || sip !== undefined,
      ...(sip ? { sip } : {}),
    };

    const found: {
      callControl?: { grpcAddress: string; apiKey: string };
      contextStore?: { grpcAddress: string; deskUrl?: string };
    } = {};
    for (const name of wanted) {
      const spec = serviceSpec(name, settings);
      const proc = launch(name, { ...spec.env, ...options.env?.[name] }, options);
      started.push({ name, process: proc, pid: proc.pid });
      proc.onLine(({ text }) =>
        sink({ service: name, line: text, formatted: formatLogLine(name, text, WIDTH) }),
      );
      void proc.exited.then((exit) => {
        if (!stopping) {
          note(`${name} exited (code ${exit.code}, signal ${exit.signal}) while the stack ran`);
        }
      });
      const record = await readyRecord(proc, spec.ready, options.readyTimeoutMs ?? 60_000).catch(
        (err: unknown) => {
          throw new ServiceStartError(
            name,
            err instanceof Error ? err.message.split('\n')[0]! : String(err),
            proc.output().slice(-8_000),
          );
        },
      );
      if (name === 'call-control') {
        found.callControl = {
          grpcAddress: `127.0.0.1:${String(record.grpcPort)}`,
          apiKey: settings.apiKey,
        };
      }
      if (name === 'context-store') {
        found.contextStore = {
          grpcAddress: String(record.grpcAddress),
          ...(typeof record.deskUrl === 'string' ? { deskUrl: record.deskUrl } : {}),
        };
      }
      note(`${name} ready (pid ${proc.pid})`);
    }

    const httpUrl = `http://127.0.0.1:${gatewayPort}`;
    const stack: LocalStack = {
      natsUrl: settings.natsUrl,
      mongoUrl: settings.mongoUrl,
      ...(nats ? { nats } : {}),
      ...(ferretDb ? { ferretDb } : {}),
      ...(wanted.includes('gateway')
        ? {
            gateway: {
              httpUrl,
              port: gatewayPort,
              twilioStreamUrl: `ws://127.0.0.1:${gatewayPort}/twilio/stream`,
              ...(sip
                ? { sip: { port: sip.port, uri: `sip:${sip.user}@127.0.0.1:${sip.port}` } }
                : {}),
            },
          }
        : {}),
      ...found,
      carrier,
      services: new Map(started.map((s) => [s.name, s])),
      stop: stopAll,
      [Symbol.asyncDispose]: stopAll,
    };
    return stack;
  } catch (err) {
    await stopAll();
    throw err;
  }
};
