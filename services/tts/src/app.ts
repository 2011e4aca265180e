import { setTimeout as sleep } from 'node:timers/promises';
import type { Meter } from '@opentelemetry/api';
import { type Bus, ensureStreams, type MessageListener } from '@warmline/bus';
import { streams, subjectWildcards } from '@warmline/contracts';
import { type Logger, WarmlineAttributes } from '@warmline/telemetry';
import { subscribeCancels } from './adapters/cancelSubscription';
import { framePublisher } from './adapters/framePublisher';
import { oldestRequestLookup } from './adapters/oldestRequest';
import { playbackReporter } from './adapters/playbackReporter';
import { type SpeakConsumer, startSpeakConsumer } from './adapters/speakConsumer';
import { PhraseCache } from './domain/cache/phraseCache';
import type { SpeechEngine } from './engines/speechEngine';
import { cancelSpeechHandler } from './handlers/cancelSpeech';
import { speakRequestHandler } from './handlers/speakRequest';
import { CallScheduler } from './service/callScheduler';
import { preloadPhrases } from './service/preloadPhrases';
import { createTtsMetrics } from './service/ttsMetrics';
import type { TtsSettings } from './service/ttsSettings';

/** What the tts service is built from. */
export interface AppDeps {
  readonly bus: Bus;
  readonly engine: SpeechEngine;
  readonly logger: Logger;
  readonly meter: Meter;
  readonly settings: TtsSettings;
}

/** A tts service instance (one replica). */
export interface TtsApp {
  /** Creates the stream if needed, preloads the phrase cache, then follows cancels and requests. */
  start(): Promise<void>;
  /**
   * Stops taking requests, hands queued ones back to the stream, lets the
   * utterances being spoken finish (up to the drain time, then cuts them with
   * an end of utterance), and closes the engine. Does not close the bus.
   */
  stop(): Promise<void>;
  /** The phrase cache (size and bytes, for health output). */
  readonly cache: PhraseCache;
}

const monotonicMs = (): number => performance.now();

const abortableSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  sleep(ms, undefined, { signal });

/** Builds the tts service from its dependencies; nothing runs until `start()`. */
export const createApp = ({ bus, engine, logger, meter, settings }: AppDeps): TtsApp => {
  const cache = new PhraseCache(settings.cache);
  const scheduler = new CallScheduler({
    leadMs: settings.leadMs,
    perCall: settings.perCall,
    orderPollMs: settings.orderPollMs,
    orderWaitMaxMs: settings.orderWaitMaxMs,
    oldestInStream: oldestRequestLookup(bus, streams.speak.name),
    now: monotonicMs,
    onOrderWait: (callId, seq, oldest) =>
      logger.debug(
        { [WarmlineAttributes.CALL_ID]: callId, seq, oldest },
        'waiting for an earlier utterance of the call',
      ),
  });
  const playback = playbackReporter({ bus, logger });
  const speak = speakRequestHandler({
    scheduler,
    metrics: createTtsMetrics(meter),
    logger,
    limits: { defaultSampleRate: settings.defaultSampleRate, maxTextChars: settings.maxTextChars },
    retry: settings.retry,
    utterance: {
      engine,
      cache,
      publish: playback.observe(framePublisher(bus)),
      now: monotonicMs,
      wallNow: Date.now,
      sleep: abortableSleep,
      pacingBatchMs: settings.pacingBatchMs,
    },
  });
  const handler: typeof speak = (request, ctx) => {
    playback.track(request); // reports AgentSpeechPlayed once the gateway says it was heard
    return speak(request, ctx);
  };
  let cancels: MessageListener | undefined;
  let consumer: SpeakConsumer | undefined;

  return {
    cache,
    start: async () => {
      await ensureStreams(bus, [streams.speak], { replicas: settings.streamReplicas });
      const preloaded = await preloadPhrases(engine, cache, settings.preload, logger);
      cancels = subscribeCancels(bus, {
        onCancel: cancelSpeechHandler({ scheduler, logger }),
        onMalformed: (err) => logger.warn({ err }, 'malformed cancel dropped'),
        onError: (err) => logger.error({ err }, 'cancel subscription error'),
      });
      consumer = await startSpeakConsumer(bus, {
        stream: streams.speak.name,
        durable: settings.durable,
        filterSubject: subjectWildcards.speak,
        maxInFlight: settings.maxInFlight,
        ackWaitMs: settings.ackWaitMs,
        maxDeliver: Math.max(settings.retry.maxAttempts + 2, 10),
        handler,
        onMalformed: (err) => logger.warn({ err }, 'malformed speak request terminated'),
        onError: (err) => logger.error({ err }, 'speak consumer error'),
      });
      logger.info({ engine: engine.name, voice: engine.defaultVoice, preloaded }, 'tts ready');
    },
    stop: async () => {
      scheduler.stop();
      const drained = consumer?.stop();
      const deadline = sleep(settings.drainTimeoutMs, 'timeout' as const, { ref: false });
      if ((await Promise.race([drained, deadline])) === 'timeout') scheduler.abortRunning();
      await drained;
      cancels?.unsubscribe();
      playback.stop();
      await engine.close();
      logger.info('tts stopped');
    },
  };
};
