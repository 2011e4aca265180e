import { randomUUID } from 'node:crypto';
import { type Bus, connectBus, KeyedQueue } from '@warmline/bus';
import { type Logger, natsCheck, type ReadinessCheck } from '@warmline/telemetry';
import { startGrpcServer, type GrpcServer } from './adapters/grpc/grpcServer';
import { OpenStreams } from './adapters/grpc/openStreams';
import { ensureCallControlStreams } from './adapters/nats/ensureCallControlStreams';
import { createGatewayClient } from './adapters/nats/gatewayClient';
import { createIncomingCallSource } from './adapters/nats/incomingCallSource';
import { createMediaBus } from './adapters/nats/mediaBus';
import { type NatsEntryPoints, startNatsEntryPoints } from './adapters/nats/natsEntryPoints';
import { createRingTimers } from './adapters/nats/ringTimers';
import { createIncomingCalls } from './adapters/nats/sdkIncoming';
import type { CallDeps } from './calls/callDeps';
import { createCallStore } from './calls/callStore';
import type { CallControlConfig } from './config';

/** What `createApp` is built from. */
export interface AppDeps {
  readonly config: CallControlConfig;
  readonly log: Logger;
  /** ms since the epoch (default `Date.now`). */
  readonly clock?: () => number;
  /** Unique ids for events, legs, sessions (default random UUIDs). */
  readonly newId?: () => string;
}

/** Where a started app can be reached. */
export interface StartedApp {
  /** The gRPC port (the OS's choice when configured with port 0). */
  readonly grpcPort: number;
}

/** call-control as one unit: `start` connects and listens, `stop` drains and closes. */
export interface App {
  start(): Promise<StartedApp>;
  stop(): Promise<void>;
  /** What `/readyz` checks: NATS answering (false before start and after stop). */
  readinessChecks(): Record<string, ReadinessCheck>;
}

interface Running {
  readonly bus: Bus;
  readonly nats: NatsEntryPoints;
  readonly grpc: GrpcServer;
}

function callDeps(bus: Bus, deps: AppDeps, clock: () => number, newId: () => string): CallDeps {
  const { config, log } = deps;
  return {
    store: createCallStore(bus),
    queue: new KeyedQueue(),
    gateway: createGatewayClient(bus, config.gatewayTimeoutMs),
    timers: createRingTimers(bus),
    incoming: createIncomingCalls(bus),
    clock,
    newId,
    routing: config.routing,
    calleeDestinations: config.calleeDestinations,
    defaultRingTimeSeconds: config.defaultRingTimeSeconds,
    outcomeGraceMs: config.gatewayTimeoutMs * 2 + 5_000,
    log,
  };
}

/**
 * Builds call-control: the call aggregate behind NATS entry points (gateway start
 * requests, execute requests, saga commands, gateway signals, ring timers) and the gRPC
 * API the SDK speaks. Used by `main.ts` and by integration tests.
 */
export function createApp(deps: AppDeps): App {
  const { config, log } = deps;
  const clock = deps.clock ?? Date.now;
  const newId = deps.newId ?? (() => randomUUID());
  let running: Running | undefined;

  const start = async (): Promise<StartedApp> => {
    const bus = await connectBus({ servers: config.natsUrl, name: 'call-control' });
    try {
      await ensureCallControlStreams(bus, { replicas: config.streamReplicas });
      const calls = callDeps(bus, deps, clock, newId);
      const nats = await startNatsEntryPoints(bus, calls);
      const common = { store: calls.store, clock, newId, log };
      const grpc = await startGrpcServer(
        {
          calls,
          sessions: {
            ...common,
            incoming: createIncomingCallSource(bus),
            heartbeatIntervalMs: config.heartbeatIntervalMs,
          },
          media: { ...common, media: createMediaBus(bus, log), bufferMs: config.mediaBufferMs },
          credentials: {
            apiKeys: config.apiKeys,
            clientIdentities: config.tls?.clientIdentities ?? new Map(),
          },
          openStreams: new OpenStreams(),
          log,
        },
        config.grpcAddress,
        config.tls,
      );
      running = { bus, nats, grpc };
      log.info({ grpcPort: grpc.port, tls: config.tls !== undefined }, 'call-control started');
      return { grpcPort: grpc.port };
    } catch (error) {
      await bus.close();
      throw error;
    }
  };

  const stop = async (): Promise<void> => {
    const current = running;
    running = undefined;
    if (!current) return;
    await current.grpc.stop();
    await current.nats.stop();
    await current.bus.drain();
    log.info('call-control stopped');
  };

  const readinessChecks = () => ({ nats: natsCheck(() => running?.bus.nc) });

  return { start, stop, readinessChecks };
}
