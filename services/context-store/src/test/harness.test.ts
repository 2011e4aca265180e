/** Integration harness: real nats-server and FerretDB, the app, and a publisher of source events. */
import { randomUUID } from 'node:crypto';
import { type Bus, connectBus, createEventStore, type EventStore, protoCodec } from '@warmline/bus';
import {
  CallEvent,
  ConversationEvent,
  EscalationEvent,
  streams,
  subjects,
} from '@warmline/contracts';
import { createLogger } from '@warmline/telemetry';
import {
  type FerretDbHandle,
  type NatsServerHandle,
  startFerretDb,
  startNatsServer,
} from '@warmline/testing';
import { type Db, MongoClient } from 'mongodb';
import { type AppEndpoints, createApp, type ContextStoreApp } from '../app';
import type { ContextStoreConfig } from '../config';
import { type ContextDoc, DEFAULT_REDACTION, type SourceEvent } from '../domain';

const DAY_MS = 24 * 3_600_000;

/** Everything an integration test needs; `close()` stops it all. */
export interface Harness {
  readonly nats: NatsServerHandle;
  readonly ferret: FerretDbHandle;
  readonly bus: Bus;
  readonly db: Db;
  readonly config: ContextStoreConfig;
  /** Every line the app logged, as written. */
  readonly logLines: string[];
  app: ContextStoreApp;
  endpoints: AppEndpoints;
  /** Appends events to their streams, in order; their sequences. */
  append(events: readonly SourceEvent[]): Promise<number[]>;
  /** The stored document, as MongoDB returns it. */
  rawDoc(callId: string): Promise<ContextDoc | null>;
  /** Stops the app and starts a new one on the same servers and database. */
  restartApp(beforeStart?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

const stores = (bus: Bus) => ({
  call: createEventStore({
    bus,
    stream: streams.callEvents.name,
    codec: protoCodec(CallEvent),
    eventId: (e) => e.eventId,
  }),
  conversation: createEventStore({
    bus,
    stream: streams.conversationEvents.name,
    codec: protoCodec(ConversationEvent),
    eventId: (e) => e.eventId,
  }),
  escalation: createEventStore({
    bus,
    stream: streams.escalationEvents.name,
    codec: protoCodec(EscalationEvent),
    eventId: (e) => e.eventId,
  }),
});

const appendOne = async (s: ReturnType<typeof stores>, source: SourceEvent): Promise<number> => {
  const append = <T>(store: EventStore<T>, subject: string, event: T) =>
    store.append(subject, [event], { expectedVersion: 'any' }).then((r) => r.version);
  switch (source.stream) {
    case 'call':
      return append(s.call, subjects.callEvents(source.callId), source.event);
    case 'conversation':
      return append(s.conversation, subjects.conversationEvents(source.callId), source.event);
    case 'escalation':
      return append(s.escalation, subjects.escalationEvents(source.callId), source.event);
  }
};

/** Starts the servers and the app (desk on a free port unless `deskAddress` is overridden). */
export const startHarness = async (
  overrides: Partial<ContextStoreConfig> = {},
  clock: () => number = Date.now,
): Promise<Harness> => {
  const nats = await startNatsServer();
  const ferret = await startFerretDb().catch(async (error: unknown) => {
    await nats.stop();
    throw error;
  });
  try {
    return await withServers(nats, ferret, overrides, clock);
  } catch (error) {
    await ferret.stop();
    await nats.stop();
    throw error;
  }
};

const withServers = async (
  nats: NatsServerHandle,
  ferret: FerretDbHandle,
  overrides: Partial<ContextStoreConfig>,
  clock: () => number,
): Promise<Harness> => {
  const config: ContextStoreConfig = {
    natsUrl: nats.url,
    mongoUrl: ferret.url,
    databaseName: `ctx_${randomUUID().slice(0, 8)}`,
    grpcAddress: '127.0.0.1:0',
    deskAddress: '127.0.0.1:0',
    retention: { enabled: true, retentionMs: 30 * DAY_MS, mode: 'auto', sweepIntervalMs: 60_000 },
    redaction: DEFAULT_REDACTION,
    saveTimeoutMs: 5_000,
    streamReplicas: 1,
    logLevel: 'info',
    logPii: false,
    ...overrides,
  };
  const logLines: string[] = [];
  const log = createLogger({
    service: 'context-store',
    level: 'debug',
    destination: { write: (line: string) => void logLines.push(line) },
  });
  const makeApp = () => createApp({ config, log, clock, followerRetryDelayMs: 100 });
  const app = makeApp();
  const endpoints = await app.start();
  const bus = await connectBus({ servers: nats.url, name: 'context-store-test' });
  const mongo = new MongoClient(ferret.url);
  await mongo.connect();
  const db = mongo.db(config.databaseName);
  const publishers = stores(bus);

  const harness: Harness = {
    nats,
    ferret,
    bus,
    db,
    config,
    logLines,
    app,
    endpoints,
    append: async (events) => {
      const sequences: number[] = [];
      for (const event of events) sequences.push(await appendOne(publishers, event));
      return sequences;
    },
    rawDoc: (callId) => db.collection<ContextDoc>('contexts').findOne({ _id: callId }),
    restartApp: async (beforeStart) => {
      await harness.app.stop();
      await beforeStart?.();
      harness.app = makeApp();
      harness.endpoints = await harness.app.start();
    },
    close: async () => {
      await harness.app.stop();
      await bus.close();
      await mongo.close();
      await ferret.stop();
      await nats.stop();
    },
  };
  return harness;
};
