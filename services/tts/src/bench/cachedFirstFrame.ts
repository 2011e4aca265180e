import type { SampleRate } from '@warmline/audio';
import { PhraseCache } from '../domain/cache/phraseCache';
import { LeadBudget } from '../domain/pacing/leadBudget';
import type { SpeechEngine } from '../engines/speechEngine';
import { speakUtterance } from '../service/speakUtterance';

/**
 * Time from the start of an utterance to its first published frame when the
 * phrase is in the cache, through the service's own `speakUtterance` (framing,
 * lead budget, AudioFrame encoding); the publisher only takes the time.
 */
export const cachedFirstFrameMs = async (
  engine: SpeechEngine,
  text: string,
  sampleRate: SampleRate,
  runs: number,
): Promise<number[]> => {
  const cache = new PhraseCache({ maxBytes: 16 << 20, maxEntryBytes: 4 << 20 });
  const voice = engine.defaultVoice;
  const pcm: Int16Array[] = [];
  for await (const chunk of engine.synthesize(text, {
    voice,
    sampleRate,
    signal: new AbortController().signal,
  })) {
    pcm.push(chunk);
  }
  const joined = new Int16Array(pcm.reduce((n, p) => n + p.length, 0));
  pcm.reduce((at, p) => (joined.set(p, at), at + p.length), 0);
  cache.set({ engine: engine.name, voice, sampleRate, text }, joined);

  const latencies: number[] = [];
  for (let i = 0; i < runs; i++) {
    const controller = new AbortController();
    const start = performance.now();
    let first: number | undefined;
    await speakUtterance(
      {
        engine,
        cache,
        publish: () => {
          if (first === undefined) {
            first = performance.now() - start;
            controller.abort(); // one frame is all we time
          }
        },
        now: () => performance.now(),
        wallNow: Date.now,
        sleep: () => Promise.resolve(),
        pacingBatchMs: 60,
      },
      {
        callId: 'bench',
        utteranceId: `u${i}`,
        text,
        voice,
        sampleRate,
        cacheable: true,
        signal: controller.signal,
        budget: new LeadBudget(1_000),
      },
    );
    latencies.push(first ?? Number.NaN);
  }
  return latencies;
};
