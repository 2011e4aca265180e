import path from 'node:path';
import { type Bus, connectBus } from '@warmline/bus';
import {
  type FerretDbHandle,
  type ManagedProcess,
  type NatsServerHandle,
  repoRoot,
  startFerretDb,
  startNatsServer,
  startTsProcess,
  waitForOutput,
} from '@warmline/testing';
import { type Db, MongoClient } from 'mongodb';
import { killHard, startOrchestratorProcess } from './orchestratorHarness';
import {
  type GatewayParticipant,
  startGatewayParticipant,
  startTtsGatewayParticipant,
  type TtsGatewayParticipant,
} from './participants';

/** The connector the test calls arrive on (routed to the built-in agent, callee destination set). */
export const REAL_CONNECTOR = 'connector-desk';

/** The orchestrator's environment in these tests: no briefing; a dead process's input back in 2 s. */
export const REAL_ORCHESTRATOR_ENV = {
  ORCHESTRATOR_BRIEFING: 'false',
  ORCHESTRATOR_ACK_WAIT: '2s',
} as const;

/** A context-store process and the database it projects into. */
export interface ContextStoreProcess {
  readonly proc: ManagedProcess;
  readonly db: Db;
  readonly database: string;
}

/**
 * The real services as processes: call-control, context-store and the orchestrator on a real
 * nats-server and FerretDB. The gateway and tts sides are contract participants in this process
 * (see the README: no service turns playback into AgentSpeechPlayed yet, and no carrier or SIP
 * peer is part of these tests).
 */
export interface RealServices {
  readonly nats: NatsServerHandle;
  readonly ferret: FerretDbHandle;
  readonly bus: Bus;
  readonly mongo: MongoClient;
  readonly callControl: ManagedProcess;
  readonly contextStore: ContextStoreProcess;
  readonly gateway: GatewayParticipant;
  readonly tts: TtsGatewayParticipant;
  /** Starts the orchestrator process (main.ts) and waits until it consumes. */
  startOrchestrator(): Promise<void>;
  /** SIGKILL to the orchestrator: no shutdown, no ack. */
  killOrchestrator(): Promise<void>;
  /** Another context-store process projecting into a new database, from the start of the log. */
  startContextStore(database: string): Promise<ContextStoreProcess>;
  stop(): Promise<void>;
}

const startCallControl = async (natsUrl: string): Promise<ManagedProcess> => {
  const proc = startTsProcess(path.join('services', 'call-control', 'src', 'main.ts'), {
    cwd: repoRoot(),
    env: {
      NATS_URL: natsUrl,
      CALL_CONTROL_GRPC_ADDRESS: '127.0.0.1:0',
      CALL_CONTROL_API_KEYS: JSON.stringify({ 'orchestrator-test-key': [REAL_CONNECTOR] }),
      CALL_CONTROL_DEFAULT_HANDLER: 'BUILT_IN_AGENT',
      CALL_CONTROL_CALLEE_DESTINATIONS: JSON.stringify({ [REAL_CONNECTOR]: 'sip:desk@pbx.test' }),
      CALL_CONTROL_GATEWAY_TIMEOUT: '2s',
      LOG_LEVEL: 'info',
    },
  });
  await waitForOutput(proc, /"grpcPort":\d+/, { timeoutMs: 30_000 });
  return proc;
};

const contextStoreStarter =
  (natsUrl: string, mongo: MongoClient, mongoUrl: string) =>
  async (database: string): Promise<ContextStoreProcess> => {
    const proc = startTsProcess(path.join('services', 'context-store', 'src', 'main.ts'), {
      cwd: repoRoot(),
      env: {
        NATS_URL: natsUrl,
        MONGO_URL: mongoUrl,
        CONTEXT_STORE_DATABASE: database,
        CONTEXT_STORE_GRPC_ADDRESS: '127.0.0.1:0',
        CONTEXT_STORE_DESK_ENABLED: 'false',
        LOG_LEVEL: 'info',
      },
    });
    await waitForOutput(proc, /context-store ready/, { timeoutMs: 30_000 });
    return { proc, db: mongo.db(database), database };
  };

/**
 * Starts nats-server, FerretDB, call-control, the orchestrator, context-store and the participants.
 * `orchestratorEnv` overrides {@link REAL_ORCHESTRATOR_ENV} (e.g. to turn the briefing on).
 */
export const startRealServices = async (
  orchestratorEnv: Readonly<Record<string, string>> = {},
): Promise<RealServices> => {
  const env = { ...REAL_ORCHESTRATOR_ENV, ...orchestratorEnv };
  const nats = await startNatsServer();
  const stack: (() => Promise<unknown>)[] = [() => nats.stop()];
  const unwind = async () => {
    for (const stop of stack.reverse()) await stop();
  };
  try {
    const ferret = await startFerretDb();
    stack.push(() => ferret.stop());
    const mongo = await MongoClient.connect(ferret.url);
    stack.push(() => mongo.close());
    const bus = await connectBus({ servers: nats.url, name: 'orchestrator-real-services-test' });
    stack.push(() => bus.close());
    const callControl = await startCallControl(nats.url); // creates the call streams
    stack.push(() => callControl.stop());
    let orchestrator: ManagedProcess | undefined = await startOrchestratorProcess(nats.url, env); // creates the conversation, context, escalation and tts streams
    stack.push(() => orchestrator?.stop() ?? Promise.resolve());
    const startContextStore = contextStoreStarter(nats.url, mongo, ferret.url);
    const contextStores: ContextStoreProcess[] = [];
    stack.push(() => Promise.all(contextStores.map((c) => c.proc.stop())));
    const contextStore = await startContextStore('warmline_context_live');
    contextStores.push(contextStore);
    const gateway = await startGatewayParticipant(bus);
    stack.push(() => gateway.stop());
    const tts = await startTtsGatewayParticipant(bus);
    stack.push(() => tts.stop());
    return {
      nats,
      ferret,
      bus,
      mongo,
      callControl,
      contextStore,
      gateway,
      tts,
      startOrchestrator: async () => {
        orchestrator = await startOrchestratorProcess(nats.url, env);
      },
      killOrchestrator: async () => {
        if (orchestrator) await killHard(orchestrator);
        orchestrator = undefined;
      },
      startContextStore: async (database) => {
        const started = await startContextStore(database);
        contextStores.push(started);
        return started;
      },
      stop: unwind,
    };
  } catch (error) {
    await unwind();
    throw error;
  }
};
