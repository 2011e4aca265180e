import { type Bus, connectBus, ensureStreams, KeyedQueue } from '@warmline/bus';
import { streams } from '@warmline/contracts';
import { type Logger, natsCheck, pingCheck, type ReadinessCheck } from '@warmline/telemetry';
import { contextCollections } from './adapters/mongo/collections';
import { connectMongo, type MongoConnection } from './adapters/mongo/connectMongo';
import { ensureIndexes } from './adapters/mongo/ensureIndexes';
import { mongoCheckpointStore } from './adapters/mongo/mongoCheckpointStore';
import { mongoContextRepository } from './adapters/mongo/mongoContextRepository';
import { foldBatch } from './projection/foldBatch';
import { ownWritesCache } from './projection/ownWritesCache';
import { mongoSaveLedger } from './adapters/mongo/mongoSaveLedger';
import { type ActiveRetention, setupRetention } from './adapters/mongo/setupRetention';
import { contextService } from './adapters/grpc/contextService';
import { startGrpcServer } from './adapters/grpc/startGrpcServer';
import { contextSavedPublisher, serveSaveContext } from './adapters/nats/serveSaveContext';
import { sourceStreamReaders } from './adapters/nats/sourceStreams';
import { type Follower, startFollower } from './adapters/nats/startFollower';
import type { ContextStoreConfig } from './config';
import { startDeskServer } from './desk/startDeskServer';
import { SOURCE_STREAMS } from './domain';
import type { ProjectionDeps } from './handlers/onSourceEvent';
import { createEscalationFeed } from './live/escalationFeed';
import { waitUntil } from './projection/waitUntil';

/** What {@link createApp} needs. */
export interface AppDeps {
  readonly config: ContextStoreConfig;
  readonly log: Logger;
  /** Milliseconds since the epoch (default `Date.now`). */
  readonly clock?: () => number;
  /** Wait before a failed stream follower resumes (default 1000 ms). */
  readonly followerRetryDelayMs?: number;
}

/** Where a started app listens, and how retention runs. */
export interface AppEndpoints {
  readonly grpcAddress: string;
  readonly deskUrl?: string;
  readonly retention: ActiveRetention;
}

/** The context-store service. */
export interface ContextStoreApp {
  start(): Promise<AppEndpoints>;
  /** Stops everything started, in reverse order. Safe to call twice. */
  stop(): Promise<void>;
  /** Resolves once every follower has handled every event its stream held when called. */
  caughtUp(timeoutMs?: number): Promise<void>;
  /** Runs one retention sweep now (sweep mode); the number of documents deleted. */
  sweepExpired(): Promise<number>;
  /** What `/readyz` checks: NATS answering and MongoDB answering a ping (false before start). */
  readinessChecks(): Record<string, ReadinessCheck>;
}

/**
 * Wires context-store: MongoDB (indexes, retention), NATS (stream followers, SaveContext),
 * gRPC (`ContextService`) and the agent desk. Used by main.ts and by integration tests.
 */
export const createApp = (deps: AppDeps): ContextStoreApp => {
  const { config, log } = deps;
  const clock = deps.clock ?? Date.now;
  const closers: (() => Promise<void> | void)[] = [];
  const followers: Follower[] = [];
  let lastSequences: (() => Promise<number[]>) | undefined;
  const connected: { mongo?: MongoConnection; bus?: Bus } = {};
  let sweep: () => Promise<number> = async () => 0;

  const stop = async () => {
    while (closers.length > 0) {
      const close = closers.pop();
      await Promise.resolve(close?.()).catch((error: unknown) =>
        log.warn({ err: error }, 'error while stopping'),
      );
    }
  };

  const start = async (): Promise<AppEndpoints> => {
    try {
      const mongo = await connectMongo(config.mongoUrl, config.databaseName);
      connected.mongo = mongo;
      closers.push(() => mongo.close());
      const collections = contextCollections(mongo.db);
      await ensureIndexes(collections);
      const retention = await setupRetention({ collections, config: config.retention, log, clock });
      closers.push(() => retention.stop());
      sweep = () => retention.sweep();

      const bus = await connectBus({ servers: config.natsUrl, name: 'context-store' });
      connected.bus = bus;
      closers.push(() => bus.drain());
      await ensureStreams(
        bus,
        [
          streams.callEvents,
          streams.conversationEvents,
          streams.escalationEvents,
          streams.contextEvents,
        ],
        { replicas: config.streamReplicas },
      );

      const repository = mongoContextRepository(collections);
      const feed = createEscalationFeed((error) =>
        log.warn({ err: error }, 'escalation listener failed'),
      );
      const projection: ProjectionDeps = {
        // the fold reads what it wrote last from memory; queries read the database
        repository: ownWritesCache(repository),
        feed,
        queue: new KeyedQueue(),
        redaction: config.redaction,
        retentionMs: config.retention.enabled ? config.retention.retentionMs : undefined,
        clock,
        log,
      };
      const readers = sourceStreamReaders(bus);
      const checkpoints = mongoCheckpointStore(collections);
      for (const source of SOURCE_STREAMS) {
        const follower = await startFollower({
          reader: readers[source],
          checkpoints,
          handleBatch: (batch) => foldBatch(projection, batch),
          log,
          clock,
          ...(deps.followerRetryDelayMs === undefined
            ? {}
            : { retryDelayMs: deps.followerRetryDelayMs }),
        });
        followers.push(follower);
        closers.push(() => follower.stop());
      }
      lastSequences = () =>
        Promise.all(SOURCE_STREAMS.map((source) => readers[source].lastSequence()));

      const responder = serveSaveContext(bus, {
        projection,
        events: { read: (stream, callId, after) => readers[stream].readCall(callId, after) },
        ledger: mongoSaveLedger(collections),
        publishSaved: contextSavedPublisher(bus),
        timeoutMs: config.saveTimeoutMs,
        log,
      });
      closers.push(() => responder.stop());

      const grpc = await startGrpcServer(
        config.grpcAddress,
        contextService({ repository, feed, log }),
        config.grpcTls,
      );
      closers.push(() => grpc.stop());
      log.info({ 'server.address': grpc.address }, 'context API listening');

      const desk = config.deskAddress
        ? await startDeskServer({ address: config.deskAddress, repository, feed, log })
        : undefined;
      if (desk) closers.push(() => desk.stop());

      log.info({ 'retention.mode': retention.mode }, 'context-store ready');
      return {
        grpcAddress: grpc.address,
        ...(desk ? { deskUrl: desk.url } : {}),
        retention: retention.mode,
      };
    } catch (error) {
      await stop();
      throw error;
    }
  };

  return {
    start,
    stop,
    caughtUp: async (timeoutMs = 10_000) => {
      if (!lastSequences) throw new Error('context-store is not started');
      const targets = await lastSequences();
      await waitUntil(
        () => followers.every((f, i) => f.processed >= (targets[i] ?? 0)),
        timeoutMs,
        'projection caught up',
      );
    },
    sweepExpired: () => sweep(),
    readinessChecks: () => ({
      nats: natsCheck(() => connected.bus?.nc),
      mongo: async () => {
        const { mongo } = connected;
        return mongo !== undefined && pingCheck(() => mongo.db.command({ ping: 1 }))();
      },
    }),
  };
};
