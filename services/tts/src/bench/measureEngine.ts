import type { SampleRate } from '@warmline/audio';
import type { SpeechEngine } from '../engines/speechEngine';

/** One synthesis, timed. */
export interface SynthesisTiming {
  /** From the call to the first chunk, ms. */
  readonly firstAudioMs: number;
  /** From the call to the end, ms. */
  readonly totalMs: number;
  /** Audio produced, ms. */
  readonly audioMs: number;
}

/** Synthesises `text` as fast as the engine goes (no pacing) and times it. */
export const timeSynthesis = async (
  engine: SpeechEngine,
  text: string,
  voice: string,
  sampleRate: SampleRate,
): Promise<SynthesisTiming> => {
  const signal = new AbortController().signal;
  const start = performance.now();
  let first: number | undefined;
  let samples = 0;
  for await (const chunk of engine.synthesize(text, { voice, sampleRate, signal })) {
    first ??= performance.now() - start;
    samples += chunk.length;
  }
  const totalMs = performance.now() - start;
  return { firstAudioMs: first ?? totalMs, totalMs, audioMs: (samples * 1000) / sampleRate };
};
