import { clampInt16 } from '@warmline/audio';

/** Zero crossings of the sinc on each side: the filter's length and steepness. */
const ZERO_CROSSINGS = 16;
/** Kernel table resolution, in steps per input sample. */
const TABLE_STEPS = 512;
/** Kaiser window shape (about 80 dB stopband). */
const KAISER_BETA = 8;
/** Passband edge as a fraction of the lower Nyquist frequency. */
const PASSBAND = 0.9;

const besselI0 = (x: number): number => {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 40; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return sum;
};

/**
 * A streaming windowed-sinc converter between any two rates, for engines whose
 * native rate the media library does not carry (espeak-ng writes 22 050 Hz;
 * `@warmline/audio`'s polyphase `Resampler` covers 8, 16 and 24 kHz only).
 * Kaiser-windowed sinc, cut off at 0.9 × the lower Nyquist frequency, read
 * from a table with linear interpolation. Latency: the half filter length
 * (about 2.2 ms at 22 050 → 8 000).
 */
export class SincResampler {
  private readonly step: number;
  private readonly half: number;
  private readonly table: Float64Array;
  private buffer: Float64Array;
  private length: number;
  /** Input position of the next output sample, in samples from buffer[0]. */
  private position: number;
  private inputCount = 0;
  private outputCount = 0;

  constructor(
    readonly fromRate: number,
    readonly toRate: number,
  ) {
    this.step = fromRate / toRate;
    const cutoff = (0.5 * PASSBAND * Math.min(fromRate, toRate)) / fromRate; // cycles per input sample
    this.half = Math.ceil(ZERO_CROSSINGS / (2 * cutoff));
    this.table = new Float64Array(this.half * TABLE_STEPS + 2);
    const norm = besselI0(KAISER_BETA);
    for (let i = 0; i < this.table.length; i++) {
      const t = i / TABLE_STEPS;
      const x = 2 * cutoff * t;
      const sinc = t === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const r = t / this.half;
      const window = r >= 1 ? 0 : besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / norm;
      this.table[i] = 2 * cutoff * sinc * window;
    }
    this.buffer = new Float64Array(4096);
    this.length = this.half; // leading zeros: the first output is centred on the first input
    this.position = this.half;
  }

  /** Converts the next chunk of the stream. */
  process(input: Int16Array): Int16Array {
    this.append(input);
    this.inputCount += input.length;
    return this.produce(this.length - this.half - 1);
  }

  /** Ends the stream: the delayed tail, so the output covers the whole input. */
  flush(): Int16Array {
    this.append(new Int16Array(this.half + 2));
    const total = Math.ceil(this.inputCount / this.step);
    const out = this.produce(this.length - this.half - 1);
    return out.subarray(0, Math.max(0, out.length - (this.outputCount - total))).slice();
  }

  private append(input: Int16Array): void {
    const drop = Math.max(0, Math.floor(this.position) - this.half - 1);
    if (drop > 0) {
      this.buffer.copyWithin(0, drop, this.length);
      this.length -= drop;
      this.position -= drop;
    }
    if (this.length + input.length > this.buffer.length) {
      const grown = new Float64Array(Math.max(this.buffer.length * 2, this.length + input.length));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    for (let i = 0; i < input.length; i++) this.buffer[this.length + i] = input[i]!;
    this.length += input.length;
  }

  /** Every output sample whose centre is at or before `limit`. */
  private produce(limit: number): Int16Array {
    const { buffer, table, half, step } = this;
    let position = this.position;
    const count = position > limit ? 0 : Math.floor((limit - position) / step) + 1;
    const out = new Int16Array(count);
    for (let o = 0; o < count; o++, position += step) {
      const first = Math.max(Math.ceil(position - half), 0);
      const last = Math.floor(position + half);
      let sum = 0;
      for (let k = first; k <= last; k++) {
        const d = k - position;
        const t = (d < 0 ? -d : d) * TABLE_STEPS; // no global lookups in the inner loop
        const i = t | 0;
        const a = table[i]!;
        sum += buffer[k]! * (a + (t - i) * (table[i + 1]! - a));
      }
      out[o] = clampInt16(sum);
    }
    this.position = position;
    this.outputCount += count;
    return out;
  }
}
