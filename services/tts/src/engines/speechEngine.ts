import type { SampleRate } from '@warmline/audio';

/** Options of one synthesis. */
export interface SynthesisOptions {
  /** A voice the engine supports ({@link SpeechEngine.supportsVoice}). */
  readonly voice: string;
  /** The rate of every chunk yielded. */
  readonly sampleRate: SampleRate;
  /**
   * Aborting stops the synthesis at once: a child process is killed (and
   * reaped), an HTTP response is dropped, and the iteration throws
   * `SynthesisAbortedError`.
   */
  readonly signal: AbortSignal;
}

/**
 * A text-to-speech engine. `synthesize` yields 16-bit mono PCM at the requested
 * rate as soon as it exists, in chunks of any length, so the caller can start
 * publishing before the whole text is synthesised. The iteration is lazy and
 * pull-based: a consumer that stops pulling pauses the engine (bounded memory),
 * and one that stops iterating early (`break`) ends it as an abort would.
 */
export interface SpeechEngine {
  /** Stable name, part of cache keys and metric attributes: `flite`, `openai`, ... */
  readonly name: string;
  /** The voice used when a request names none or one this engine lacks. */
  readonly defaultVoice: string;
  /** True when `voice` can be passed to `synthesize`. */
  supportsVoice(voice: string): boolean;
  synthesize(text: string, options: SynthesisOptions): AsyncIterable<Int16Array>;
  /** Releases what the engine holds (temporary files); later syntheses may fail. */
  close(): Promise<void>;
}
