import type { SampleRate } from '@warmline/audio';
import type { CallQueueLimits } from '../domain/calls/callQueue';
import type { PhraseCacheLimits } from '../domain/cache/phraseCache';
import type { RetrySettings } from '../handlers/speakDeps';
import type { PreloadSettings } from './preloadPhrases';

/** Everything the service's behaviour depends on. Durations in ms. */
export interface TtsSettings {
  /** Durable consumer name shared by every replica. */
  readonly durable: string;
  /** Replicas of the TTS_REQUESTS stream when this service creates it. */
  readonly streamReplicas: number;
  readonly defaultSampleRate: SampleRate;
  readonly maxTextChars: number;
  /** Audio published ahead of playback, at most. */
  readonly leadMs: number;
  /** A paced publisher wakes once per this much audio. */
  readonly pacingBatchMs: number;
  /** Requests one replica holds at once (speaking or queued behind their call). */
  readonly maxInFlight: number;
  readonly perCall: CallQueueLimits;
  readonly retry: RetrySettings;
  readonly orderPollMs: number;
  readonly orderWaitMaxMs: number;
  readonly cache: PhraseCacheLimits;
  readonly preload: PreloadSettings;
  /** On stop, utterances being spoken get this long to finish before they are cut. */
  readonly drainTimeoutMs: number;
  readonly ackWaitMs: number;
}

/** Defaults, also what config.ts falls back to. */
export const DEFAULT_SETTINGS: TtsSettings = {
  durable: 'tts',
  streamReplicas: 1,
  defaultSampleRate: 8000,
  maxTextChars: 4_000,
  leadMs: 1_000,
  pacingBatchMs: 60,
  maxInFlight: 64,
  perCall: { maxUtterances: 8, maxTextBytes: 16 * 1024 },
  retry: { maxAttempts: 3, backoffMs: [250, 1_000] },
  orderPollMs: 50,
  orderWaitMaxMs: 30_000,
  cache: { maxBytes: 32 * 1024 * 1024, maxEntryBytes: 2 * 1024 * 1024 },
  preload: { phrases: [], sampleRates: [8000] },
  drainTimeoutMs: 10_000,
  ackWaitMs: 30_000,
};
