import { SynthesisAbortedError, UnsupportedVoiceError } from '../engineErrors';
import type { SpeechEngine, SynthesisOptions } from '../speechEngine';

/** How long each word of the text lasts, ms (about 170 words a minute). */
export const TONE_MS_PER_WORD = 350;
/** The shortest utterance, ms. */
const MIN_MS = 200;
/** Audio is yielded in chunks of this length, ms. */
const CHUNK_MS = 100;
const TONE_HZ = 440;
/** About -20 dBFS: audible, not speech. */
const AMPLITUDE = 3_000;

/** How long the tone for `text` lasts, ms: {@link TONE_MS_PER_WORD} per word, at least 200. */
export const toneDurationMs = (text: string): number =>
  Math.max(MIN_MS, text.split(/\s+/).filter(Boolean).length * TONE_MS_PER_WORD);

/**
 * A benchmarking engine (`TTS_ENGINE=instant`): no synthesis, a 440 Hz tone as long as the text
 * would take to say, all of it available at once. The time to first audio is then the platform's
 * own, so a benchmark can measure the platform overhead per turn. Never a default.
 */
export class ToneEngine implements SpeechEngine {
  readonly name = 'instant';
  readonly defaultVoice = 'tone';

  supportsVoice(voice: string): boolean {
    return voice === this.defaultVoice;
  }

  async *synthesize(
    text: string,
    { voice, sampleRate, signal }: SynthesisOptions,
  ): AsyncGenerator<Int16Array> {
    if (!this.supportsVoice(voice)) throw new UnsupportedVoiceError(this.name, voice);
    const total = Math.round((toneDurationMs(text) * sampleRate) / 1000);
    const chunk = Math.round((CHUNK_MS * sampleRate) / 1000);
    for (let start = 0; start < total; start += chunk) {
      if (signal.aborted) throw new SynthesisAbortedError(this.name);
      const out = new Int16Array(Math.min(chunk, total - start));
      for (let i = 0; i < out.length; i++)
        out[i] = Math.round(
          AMPLITUDE * Math.sin((2 * Math.PI * TONE_HZ * (start + i)) / sampleRate),
        );
      yield out;
    }
  }

  async close(): Promise<void> {
    // nothing held
  }
}
