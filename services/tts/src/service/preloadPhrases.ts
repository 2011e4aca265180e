import type { SampleRate } from '@warmline/audio';
import type { Logger } from '@warmline/telemetry';
import type { PhraseCache } from '../domain/cache/phraseCache';
import type { SpeechEngine } from '../engines/speechEngine';
import { PcmCollector } from '../domain/cache/pcmCollector';

/** Phrases to synthesise into the cache at start. */
export interface PreloadSettings {
  readonly phrases: readonly string[];
  readonly sampleRates: readonly SampleRate[];
}

/**
 * Synthesises the configured phrases (greeting, transition line) with the
 * default voice at each configured rate into the phrase cache, so their first
 * frame goes out without waiting for an engine. A phrase that fails is logged
 * and skipped: it will be synthesised on first use instead. Returns how many
 * were stored.
 */
export const preloadPhrases = async (
  engine: SpeechEngine,
  cache: PhraseCache,
  settings: PreloadSettings,
  logger: Logger,
): Promise<number> => {
  let stored = 0;
  for (const text of settings.phrases) {
    for (const sampleRate of settings.sampleRates) {
      const voice = engine.defaultVoice;
      const collector = new PcmCollector(cache.limits.maxEntryBytes);
      try {
        const signal = new AbortController().signal;
        for await (const chunk of engine.synthesize(text, { voice, sampleRate, signal }))
          collector.push(chunk);
        const pcm = collector.result();
        if (pcm && cache.set({ engine: engine.name, voice, sampleRate, text }, pcm)) stored++;
        else logger.warn({ sampleRate, pii: { text } }, 'phrase too long to cache');
      } catch (err) {
        logger.warn({ err, sampleRate, pii: { text } }, 'phrase preload failed');
      }
    }
  }
  return stored;
};
