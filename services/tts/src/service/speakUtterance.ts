import type { SampleRate } from '@warmline/audio';
import type { AudioFrame } from '@warmline/contracts';
import { toAudioFrame } from '../adapters/audioFrames';
import { PcmCollector } from '../domain/cache/pcmCollector';
import type { PhraseCache } from '../domain/cache/phraseCache';
import { type UtteranceFrame, UtteranceFramer } from '../domain/frames/utteranceFramer';
import type { LeadBudget } from '../domain/pacing/leadBudget';
import type { SpeechEngine } from '../engines/speechEngine';

/** What speaking one utterance needs from outside. */
export interface UtteranceDeps {
  readonly engine: SpeechEngine;
  readonly cache: PhraseCache;
  readonly publish: (frame: AudioFrame) => void;
  /** Monotonic ms (pacing, latencies). */
  readonly now: () => number;
  /** Wall-clock ms since epoch (`ingress_at_ms`). */
  readonly wallNow: () => number;
  /** Resolves after `ms`, rejects at once when `signal` aborts. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Pacing granularity: a paced publisher wakes once per this much audio (ms). */
  readonly pacingBatchMs: number;
}

/** One utterance to speak. */
export interface UtteranceRequest {
  readonly callId: string;
  readonly utteranceId: string;
  readonly text: string;
  readonly voice: string;
  readonly sampleRate: SampleRate;
  readonly cacheable: boolean;
  readonly signal: AbortSignal;
  readonly budget: LeadBudget;
}

/** How speaking went. */
export interface UtteranceOutcome {
  readonly kind: 'completed' | 'cancelled' | 'failed';
  readonly framesPublished: number;
  /** From the start to the first frame published, in ms (undefined without a frame). */
  readonly firstAudioMs: number | undefined;
  /** Audio produced by the engine or cache, in ms. */
  readonly audioMs: number;
  /** Time spent waiting for the engine's next chunk, in ms (not pacing waits). */
  readonly engineWaitMs: number;
  readonly cacheHit: boolean;
  readonly error?: unknown;
}

async function* fromCache(pcm: Int16Array): AsyncGenerator<Int16Array> {
  yield pcm;
}

/**
 * Speaks one utterance: from the phrase cache when it holds the phrase, else
 * from the engine; cut into 20 ms frames; published as soon as they exist but
 * never more than the call's lead budget ahead of playback. An abort stops it
 * between two frames (nothing more is published) and stops the engine. A
 * cacheable phrase synthesised to the end is stored in the cache.
 */
export const speakUtterance = async (
  deps: UtteranceDeps,
  request: UtteranceRequest,
): Promise<UtteranceOutcome> => {
  const started = deps.now();
  const phrase = {
    engine: deps.engine.name,
    voice: request.voice,
    sampleRate: request.sampleRate,
    text: request.text,
  };
  const cached = request.cacheable ? deps.cache.get(phrase) : undefined;
  const collector =
    request.cacheable && !cached ? new PcmCollector(deps.cache.limits.maxEntryBytes) : undefined;
  const { signal, budget } = request;
  const source = cached
    ? fromCache(cached)
    : deps.engine.synthesize(request.text, {
        voice: request.voice,
        sampleRate: request.sampleRate,
        signal,
      });
  const framer = new UtteranceFramer(request.sampleRate);
  let published = 0;
  let firstAudioMs: number | undefined;
  let samples = 0;
  let engineWaitMs = 0;

  const send = async (frames: UtteranceFrame[]): Promise<void> => {
    for (const frame of frames) {
      const wait = budget.waitMs(deps.now(), deps.pacingBatchMs);
      if (wait > 0) await deps.sleep(wait, signal);
      if (signal.aborted) return;
      deps.publish(toAudioFrame(request, frame, deps.wallNow()));
      budget.published(deps.now());
      published++;
      firstAudioMs ??= deps.now() - started;
    }
  };
  const outcome = (kind: UtteranceOutcome['kind'], error?: unknown): UtteranceOutcome => ({
    kind,
    framesPublished: published,
    firstAudioMs,
    audioMs: (samples * 1000) / request.sampleRate,
    engineWaitMs,
    cacheHit: cached !== undefined,
    ...(error === undefined ? {} : { error }),
  });

  const chunks = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      const asked = deps.now();
      const next = await chunks.next();
      engineWaitMs += deps.now() - asked;
      if (next.done) break;
      samples += next.value.length;
      collector?.push(next.value);
      await send(framer.push(next.value));
      if (signal.aborted) return outcome('cancelled');
    }
    await send(framer.finish());
    if (signal.aborted) return outcome('cancelled');
    const complete = collector?.result();
    if (complete) deps.cache.set(phrase, complete);
    return outcome('completed');
  } catch (error) {
    return signal.aborted ? outcome('cancelled') : outcome('failed', error);
  } finally {
    await chunks.return?.(undefined); // stops the engine (kills its process) when we left early
  }
};
