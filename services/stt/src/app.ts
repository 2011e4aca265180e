import { type Meter, metrics } from '@opentelemetry/api';
import {
  type Bus,
  contextFromHeaders,
  createEventStore,
  type MessageListener,
  onMessage,
  protoCodec,
} from '@warmline/bus';
import {
  AudioFrame,
  ConversationEvent,
  PlaybackProgress,
  streams,
  subjects,
  subjectWildcards,
} from '@warmline/contracts';
import type { Logger } from '@warmline/telemetry';
import { CallLeases } from './adapters/callLeases';
import { CallRouter } from './adapters/callRouter';
import { CallSession } from './adapters/callSession';
import type { TurnTakingConfig } from './domain/turn/callTurnTaking';
import type { SpeechRecognizer } from './engines/recognition';
import { createSttMetrics } from './telemetry/sttMetrics';

/** The service settings createApp needs (see config.ts for their environment variables). */
export interface SttAppConfig {
  /** Unique per process: the lease holder's name. */
  readonly replicaId: string;
  /** A dead replica's calls move after at most this long. */
  readonly leaseTtlMs: number;
  readonly maxCalls: number;
  /** A call without frames for this long is let go. */
  readonly idleMs: number;
  readonly turnTaking: Partial<TurnTakingConfig>;
}

/** What createApp is given: connections and engines are made by main.ts (or a test). */
export interface SttAppDeps {
  readonly bus: Bus;
  readonly recognizer: SpeechRecognizer;
  readonly log: Logger;
  readonly config: SttAppConfig;
  readonly now?: () => number;
  /** Where the contract metrics go (default: the global meter provider's `stt` meter). */
  readonly meter?: Meter;
}

/** The running service. */
export interface SttApp {
  start(): Promise<void>;
  /** Stops taking frames, closes calls and releases their leases. */
  stop(): Promise<void>;
  /** Stops without releasing leases, as a crash would (tests of failover). */
  crash(): Promise<void>;
  /** Calls this replica owns now. */
  readonly ownedCalls: readonly string[];
}

/**
 * The stt service: caller frames from `media.*.in`, one {@link CallSession}
 * per call this replica holds the lease of, leases renewed every third of
 * their TTL. Replicas share calls by racing for leases.
 */
export const createApp = (deps: SttAppDeps): SttApp => {
  const { bus, log, config } = deps;
  const now = deps.now ?? Date.now;
  const store = createEventStore({
    bus,
    stream: streams.conversationEvents.name,
    codec: protoCodec(ConversationEvent),
    eventId: (e) => e.eventId,
  });
  const leases = new CallLeases(bus, config.replicaId, config.leaseTtlMs);
  const playback = new Map<string, MessageListener>();
  // The gauge is read at scrape time, once the router below exists.
  const sttMetrics = createSttMetrics(
    deps.meter ?? metrics.getMeter('stt'),
    () => router.owned.length,
  );
  const router = new CallRouter({
    leases,
    now,
    maxCalls: config.maxCalls,
    retryMs: Math.max(200, config.leaseTtlMs / 3),
    idleMs: config.idleMs,
    createSession: (callId) => {
      const session = new CallSession(callId, {
        bus,
        store,
        recognizer: deps.recognizer,
        log,
        now,
        turnTaking: config.turnTaking,
        metrics: sttMetrics,
      });
      playback.set(
        callId,
        onMessage(bus, subjects.mediaProgress(callId), protoCodec(PlaybackProgress), (d) =>
          session.playback(d.value),
        ),
      );
      log.info({ callId, replicaId: config.replicaId }, 'call taken');
      return session;
    },
    onSessionClosed: (callId, reason) => {
      playback.get(callId)?.unsubscribe();
      playback.delete(callId);
      log.info({ callId, reason }, 'call let go');
    },
  });
  let frames: MessageListener | undefined;
  let renewTimer: NodeJS.Timeout | undefined;
  let renewing: Promise<void> = Promise.resolve();

  const halt = async (release: boolean): Promise<void> => {
    frames?.unsubscribe();
    clearInterval(renewTimer);
    await renewing;
    if (!release) leases.abandon();
    await router.stop(release);
  };

  return {
    start: async () => {
      await leases.ensureStream();
      frames = onMessage(
        bus,
        subjectWildcards.mediaIn,
        protoCodec(AudioFrame),
        (d) => router.sessionFor(d.value.callId)?.audio(d.value, contextFromHeaders(d.headers)),
        {
          onError: (error) => log.error({ err: error }, 'frame handling failed'),
        },
      );
      renewTimer = setInterval(
        () => {
          renewing = renewing
            .then(() => router.renew())
            .catch((error: unknown) => log.error({ err: error }, 'lease renewal failed'));
        },
        Math.max(100, config.leaseTtlMs / 3),
      );
      log.info({ replicaId: config.replicaId }, 'stt started');
    },
    stop: () => halt(true),
    crash: () => halt(false),
    get ownedCalls() {
      return router.owned;
    },
  };
};
