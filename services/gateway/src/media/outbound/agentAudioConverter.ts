import { Resampler, type SampleRate } from '@warmline/audio';

/**
 * Agent audio at any supported rate to the transport's rate, one stateful
 * resampler per utterance: a new utterance (or a clear) starts from a clean
 * filter, and an utterance's end flushes the filter's tail so none of it is lost.
 */
export class AgentAudioConverter {
  private resampler: Resampler | undefined;
  private utteranceId: string | undefined;

  constructor(readonly toRate: SampleRate) {}

  /**
   * Converts one chunk of utterance `utteranceId`.
   *
   * @throws {@link AudioFormatError} for an unsupported `fromRate`.
   */
  convert(samples: Int16Array, fromRate: number, utteranceId: string, end: boolean): Int16Array {
    if (
      this.utteranceId !== utteranceId ||
      this.resampler === undefined ||
      this.resampler.fromRate !== fromRate
    ) {
      this.resampler = new Resampler(fromRate, this.toRate);
      this.utteranceId = utteranceId;
    }
    const converted = this.resampler.process(samples);
    if (!end) return converted;
    const tail = this.resampler.flush();
    this.utteranceId = undefined;
    if (tail.length === 0) return converted;
    const out = new Int16Array(converted.length + tail.length);
    out.set(converted);
    out.set(tail, converted.length);
    return out;
  }

  /** Forgets the current utterance (after a clear). */
  reset(): void {
    this.resampler = undefined;
    this.utteranceId = undefined;
  }
}
