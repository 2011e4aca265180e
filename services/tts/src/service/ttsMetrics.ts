import type { Attributes, Meter } from '@opentelemetry/api';
import {
  createCounter,
  createHistogram,
  createHopRecorder,
  createStageLatency,
  WarmlineMetrics,
} from '@warmline/telemetry';

/** How an utterance ended, as counted. */
export type UtteranceResult = 'completed' | 'cancelled' | 'failed' | 'invalid' | 'shed';

/** The tts service's metrics. */
export interface TtsMetrics {
  /** From the start of an utterance (its turn) to its first published frame. */
  firstAudio(ms: number, attributes: Attributes): void;
  /** Real-time factor of a synthesis: engine time / audio time (below 1 is faster than real time). */
  realTimeFactor(rtf: number, attributes: Attributes): void;
  cacheLookup(hit: boolean, attributes: Attributes): void;
  utterance(result: UtteranceResult, attributes: Attributes): void;
  /** A request taken from the queue: its hop from llm-decision (or the orchestrator), by wall clock. */
  received(issuedAtMs: number, receivedAtMs: number): void;
}

/**
 * Instruments on `meter`. In Prometheus they read
 * `warmline_tts_first_audio_milliseconds`, `warmline_tts_real_time_factor`,
 * `warmline_tts_cache_hits_total` / `_misses_total` and `warmline_tts_utterances_total`; plus
 * the metric contract's `warmline_tts_first_audio_ms` (the same first-audio time) and this hop of
 * `warmline_turn_platform_overhead_ms` (`from="llm-decision", to="tts"`).
 */
export const createTtsMetrics = (meter: Meter): TtsMetrics => {
  const firstAudio = createHistogram(
    meter,
    'warmline.tts.first_audio',
    'ms',
    'Time from the start of an utterance to its first published frame',
    [5, 10, 20, 50, 100, 150, 200, 300, 500, 1000, 2000],
  );
  const rtf = createHistogram(
    meter,
    'warmline.tts.real_time_factor',
    '1',
    'Engine time divided by audio duration',
    [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2],
  );
  const hits = createCounter(
    meter,
    'warmline.tts.cache.hits',
    '{utterance}',
    'Cacheable utterances served from the phrase cache',
  );
  const misses = createCounter(
    meter,
    'warmline.tts.cache.misses',
    '{utterance}',
    'Cacheable utterances synthesised',
  );
  const utterances = createCounter(
    meter,
    'warmline.tts.utterances',
    '{utterance}',
    'Utterances handled, by result',
  );
  const contractFirstAudio = createStageLatency(
    meter,
    WarmlineMetrics.TTS_FIRST_AUDIO_MS,
    'Reply taken up (its turn on the call) to its first audio frame published',
  );
  const hop = createHopRecorder(meter);
  return {
    firstAudio: (ms, attributes) => {
      firstAudio.record(ms, attributes);
      contractFirstAudio.record(ms, attributes);
    },
    received: (issuedAtMs, receivedAtMs) => hop('llm-decision', 'tts', issuedAtMs, receivedAtMs),
    realTimeFactor: (value, attributes) => rtf.record(value, attributes),
    cacheLookup: (hit, attributes) => (hit ? hits : misses).add(1, attributes),
    utterance: (result, attributes) => utterances.add(1, { ...attributes, result }),
  };
};
