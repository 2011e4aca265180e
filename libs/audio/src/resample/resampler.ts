import { clampInt16 } from '../format/pcmBytes';
import { assertSampleRate, type SampleRate } from '../format/sampleRate';
import { resamplePlan, type ResamplePlan } from './resamplePlan';

/**
 * A streaming sample-rate converter between 8, 16 and 24 kHz. It keeps the
 * filter history and the fractional phase across calls, so feeding a signal
 * 20 ms at a time gives exactly the samples one long call would: no clicks at
 * frame boundaries. A 20 ms frame in gives exactly one 20 ms frame out.
 *
 * The output lags the input by {@link Resampler.delaySamples} (the filter's
 * group delay, 1.9–3.7 ms); {@link Resampler.flush} drains that tail.
 */
export class Resampler {
  readonly fromRate: SampleRate;
  readonly toRate: SampleRate;
  /** Latency added by the filter, in output samples (0 when the rates match). */
  readonly delaySamples: number;
  private readonly plan: ResamplePlan | undefined;
  private history: Float64Array;
  private work = new Float64Array(0);
  /** Upsampled-domain position of the next output, relative to the next input sample. */
  private position = 0;
  private inputCount = 0;
  private outputCount = 0;

  /** @throws {@link AudioFormatError} for a rate other than 8000, 16000 or 24000. */
  constructor(fromRate: number, toRate: number) {
    this.fromRate = assertSampleRate(fromRate);
    this.toRate = assertSampleRate(toRate);
    this.plan = fromRate === toRate ? undefined : resamplePlan(this.fromRate, this.toRate);
    this.delaySamples = this.plan?.delay ?? 0;
    this.history = new Float64Array(this.plan ? this.plan.tapsPerPhase - 1 : 0);
  }

  /** Converts the next chunk of the stream (any length; 20 ms frames give exact frames). */
  process(input: Int16Array): Int16Array {
    this.inputCount += input.length;
    if (!this.plan) {
      this.outputCount += input.length;
      return input.slice();
    }
    const { up, down, taps, tapsPerPhase } = this.plan;
    const keep = tapsPerPhase - 1;
    const needed = keep + input.length;
    if (this.work.length < needed) this.work = new Float64Array(needed);
    const work = this.work;
    work.set(this.history, 0);
    for (let i = 0; i < input.length; i++) work[keep + i] = input[i]!;

    const limit = up * input.length;
    const count = this.position < limit ? Math.ceil((limit - this.position) / down) : 0;
    const out = new Int16Array(count);
    let position = this.position;
    for (let o = 0; o < count; o++, position += down) {
      const whole = Math.floor(position / up);
      const base = (position - whole * up) * tapsPerPhase;
      // work[whole .. whole + keep] are the inputs this output sees, oldest first
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let j = 0; j < tapsPerPhase; j += 4) {
        s0 += taps[base + j]! * work[whole + j]!;
        s1 += taps[base + j + 1]! * work[whole + j + 1]!;
        s2 += taps[base + j + 2]! * work[whole + j + 2]!;
        s3 += taps[base + j + 3]! * work[whole + j + 3]!;
      }
      out[o] = clampInt16(s0 + s1 + (s2 + s3));
    }
    this.position = position - limit;
    this.history.set(work.subarray(input.length, input.length + keep));
    this.outputCount += count;
    return out;
  }

  /**
   * Ends the stream: returns the delayed tail so the total output covers the
   * whole input (`delaySamples` + input length × to/from, rounded up), then resets.
   */
  flush(): Int16Array {
    if (!this.plan) {
      this.reset();
      return new Int16Array(0);
    }
    const { up, down } = this.plan;
    const total = this.delaySamples + Math.ceil((this.inputCount * up) / down);
    const zeros = Math.ceil(((this.delaySamples + 1) * down) / up) + 1;
    const tail = this.process(new Int16Array(zeros));
    const wanted = Math.max(0, total - (this.outputCount - tail.length));
    this.reset();
    return tail.subarray(0, wanted).slice();
  }

  /** Forgets the stream (history, phase and counts), as if newly constructed. */
  reset(): void {
    this.history.fill(0);
    this.position = 0;
    this.inputCount = 0;
    this.outputCount = 0;
  }
}
