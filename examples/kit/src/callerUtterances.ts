import { Resampler, pcmFromBytes } from '@warmline/audio';
import { UtteranceDetector, type UtteranceDetectorOptions } from './utteranceDetector';

/**
 * The caller's utterances from a call's `audioStream()` (PCM16 chunks at `sampleRate`), each as
 * PCM16 at 16 kHz for the recogniser. Ends when the stream ends (the call ended) or the consumer
 * stops iterating.
 */
export async function* callerUtterances(
  chunks: AsyncIterable<Uint8Array>,
  sampleRate: number,
  options: Partial<UtteranceDetectorOptions> = {},
): AsyncGenerator<Int16Array, void, undefined> {
  const detector = new UtteranceDetector(options);
  const resampler = sampleRate === 16_000 ? undefined : new Resampler(sampleRate, 16_000);
  for await (const chunk of chunks) {
    const samples = pcmFromBytes(chunk);
    yield* detector.push(resampler ? resampler.process(samples) : samples);
  }
}
