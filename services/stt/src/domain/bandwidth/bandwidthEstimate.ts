/** What kind of line the caller's audio came over. */
export type AudioChannel = 'telephone' | 'wideband';

const RATE = 16_000;
const TAPS = 63;
/** Above the telephone band (≤ 3.4–4 kHz) with room for the resampler's transition band. */
const CUTOFF_HZ = 4_600;
/** Energy above the cutoff, relative to all energy, under which audio counts as band-limited. */
const TELEPHONE_RATIO = 10 ** (-45 / 10);
/** Frames quieter than this RMS are not speech enough to judge by. */
const MIN_RMS = 300;
/** How much loud audio is needed before judging (the first turn opens soon after speech starts). */
const JUDGE_AFTER_SAMPLES = RATE / 25;

/** A windowed-sinc (Blackman) high-pass filter: a delta minus a low-pass at `CUTOFF_HZ`. */
const highPass = (): Float64Array => {
  const taps = new Float64Array(TAPS);
  const mid = (TAPS - 1) / 2;
  const fc = CUTOFF_HZ / RATE;
  let sum = 0;
  for (let n = 0; n < TAPS; n++) {
    const x = n - mid;
    const sinc = x === 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * x) / (Math.PI * x);
    const window =
      0.42 -
      0.5 * Math.cos((2 * Math.PI * n) / (TAPS - 1)) +
      0.08 * Math.cos((4 * Math.PI * n) / (TAPS - 1));
    taps[n] = sinc * window;
    sum += taps[n]!;
  }
  for (let n = 0; n < TAPS; n++) taps[n] = -taps[n]! / sum;
  taps[mid] = taps[mid]! + 1;
  return taps;
};

const HIGH_PASS = highPass();

/**
 * Tells telephone audio from wideband audio by what it carries above the telephone band. Caller
 * audio reaches stt at 16 kHz whatever the line was: G.711 (8 kHz) audio resampled by the gateway
 * has next to nothing above 4 kHz, wideband speech has fricatives there. Fed with 16 kHz samples;
 * judges once 40 ms of loud audio went by (undefined until then), then stops looking. Pure.
 */
export class BandwidthEstimate {
  private readonly history = new Float64Array(TAPS - 1);
  private high = 0;
  private total = 0;
  private loudSamples = 0;

  add(samples: Int16Array): void {
    if (this.channel !== undefined) return;
    let energy = 0;
    for (const s of samples) energy += s * s;
    const loud = samples.length > 0 && Math.sqrt(energy / samples.length) >= MIN_RMS;
    const line = new Float64Array(this.history.length + samples.length);
    line.set(this.history);
    line.set(samples, this.history.length);
    if (loud) {
      for (let i = 0; i < samples.length; i++) {
        let y = 0;
        for (let k = 0; k < TAPS; k++) y += HIGH_PASS[k]! * line[i + TAPS - 1 - k]!;
        this.high += y * y;
      }
      this.total += energy;
      this.loudSamples += samples.length;
    }
    this.history.set(line.subarray(line.length - this.history.length));
  }

  /** The channel, once enough loud audio was heard. */
  get channel(): AudioChannel | undefined {
    if (this.loudSamples < JUDGE_AFTER_SAMPLES || this.total === 0) return undefined;
    return this.high / this.total < TELEPHONE_RATIO ? 'telephone' : 'wideband';
  }
}
