import { randomUUID } from 'node:crypto';
import {
  type Bus,
  type Codec,
  type StoredEvent,
  connectBus,
  createEventStore,
  protoCodec,
  publishToStream,
} from '@warmline/bus';
import { CallEvent, ConversationEvent, SpeakRequest, streams, subjects } from '@warmline/contracts';
import { createLogger } from '@warmline/telemetry';
import { type NatsServerHandle, startNatsServer, waitFor } from '@warmline/testing';
import { type App, type AppDeps, createApp } from '../app';
import type { LlmDecisionConfig } from '../config';
import { exampleProfile } from './decisionContexts';
import { testConfig } from './testConfig';

const conversationCodec = protoCodec(ConversationEvent);

/** Options for one app instance in a test. */
export interface TestAppOptions {
  readonly config?: Partial<LlmDecisionConfig>;
  readonly provider?: AppDeps['provider'];
  /** Where the app logs; nowhere by default. */
  readonly log?: AppDeps['log'];
}

/**
 * One real nats-server per test and llm-decision apps against it (the same durable consumer
 * name across the apps of a test, as replicas or restarts of one deployment would use).
 * Everything is stopped after each test.
 */
export const useDecisionBus = () => {
  let server: NatsServerHandle | undefined;
  let durable = '';
  const buses: Bus[] = [];
  const apps: App[] = [];
  beforeEach(async () => {
    server = await startNatsServer();
    durable = `llm-decision-${randomUUID().slice(0, 8)}`;
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.stop()));
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
    await server?.stop();
  });
  const connect = async (): Promise<Bus> => {
    if (server === undefined) throw new Error('nats-server not started');
    const bus = await connectBus({ servers: server.url, name: 'llm-decision-test' });
    buses.push(bus);
    return bus;
  };
  const read = async <T>(bus: Bus, stream: string, subject: string, codec: Codec<T>) =>
    (await createEventStore<T>({ bus, stream, codec, eventId: () => '' }).read(subject)).events;

  return {
    connect,
    durable: () => durable,
    /** Starts an app (on its own connection) with the example profile. */
    startApp: async (options: TestAppOptions = {}): Promise<App> => {
      const bus = await connect();
      const app = createApp({
        bus,
        profile: exampleProfile,
        config: testConfig({ durable, ...options.config }),
        log: options.log ?? createLogger({ service: 'llm-decision-test', level: 'silent' }),
        ...(options.provider === undefined ? {} : { provider: options.provider }),
      });
      await app.start();
      apps.push(app);
      return app;
    },
    /** Stops an app started by `startApp` (a crash-free restart). */
    stopApp: async (app: App): Promise<void> => {
      apps.splice(apps.indexOf(app), 1);
      await app.stop();
    },
    /** Publishes a conversation event the way stt does (the event id as `Nats-Msg-Id`). */
    publish: (bus: Bus, event: ConversationEvent, msgId = event.eventId) =>
      publishToStream(bus, subjects.conversationEvents(event.callId), conversationCodec, event, {
        msgId,
      }),
    /** Publishes a call event the way call-control does. */
    publishCallEvent: (bus: Bus, event: CallEvent) =>
      publishToStream(bus, subjects.callEvents(event.callId), protoCodec(CallEvent), event, {
        msgId: event.eventId,
      }),
    /** The call's conversation stream, with headers. */
    conversation: (bus: Bus, callId: string): Promise<readonly StoredEvent<ConversationEvent>[]> =>
      read(
        bus,
        streams.conversationEvents.name,
        subjects.conversationEvents(callId),
        conversationCodec,
      ),
    /** The speech requests queued for the call (nothing consumes them in these tests). */
    speakRequests: (bus: Bus, callId: string): Promise<readonly StoredEvent<SpeakRequest>[]> =>
      read(bus, streams.speak.name, subjects.speak(callId), protoCodec(SpeakRequest)),
    /** Waits until the app's consumer has handled and acknowledged everything. */
    settled: (bus: Bus) =>
      waitFor(
        async () => {
          const info = await bus.jsm.consumers.info(streams.conversationEvents.name, durable);
          return info.num_pending === 0 && info.num_ack_pending === 0 ? info : undefined;
        },
        { describe: () => `${durable} to settle` },
      ),
  };
};
