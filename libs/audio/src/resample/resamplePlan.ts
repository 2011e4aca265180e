import { type SampleRate } from '../format/sampleRate';
import { designLowpass, kaiserBeta, kaiserLength } from './kaiserLowpass';

/** Stopband rejection of every resampling filter, in dB. */
export const STOPBAND_DB = 70;
/** Passband edge as a fraction of the lower Nyquist frequency (3.4 kHz at 8 kHz). */
export const PASSBAND_FRACTION = 0.85;

/**
 * A rational L/M polyphase resampler, designed once per rate pair and shared
 * by every stream: upsample by `up`, low-pass at the lower Nyquist, keep every
 * `down`-th sample. The stopband starts at the lower Nyquist frequency, so
 * nothing above it aliases (going down) or images (going up).
 */
export interface ResamplePlan {
  readonly up: number;
  readonly down: number;
  /**
   * Taps grouped by phase, oldest input first: phase p multiplies
   * taps[p * tapsPerPhase + j] with the input `tapsPerPhase - 1 - j` samples
   * before the newest. Scaled by `up`; zero-padded to a multiple of 4 taps.
   */
  readonly taps: Float64Array;
  readonly tapsPerPhase: number;
  /** Group delay in output samples (an integer by construction). */
  readonly delay: number;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

const build = (from: SampleRate, to: SampleRate): ResamplePlan => {
  const g = gcd(from, to);
  const up = to / g;
  const down = from / g;
  const upRate = from * up;
  const nyquist = Math.min(from, to) / 2;
  const transition = nyquist * (1 - PASSBAND_FRACTION);
  const estimate = kaiserLength(STOPBAND_DB, transition, upRate);
  // group delay a multiple of up·down: whole samples at both input and output rates
  const block = up * down;
  const halfLength = Math.ceil((estimate - 1) / 2 / block) * block;
  const length = 2 * halfLength + 1;
  const cutoff = (nyquist * (1 + PASSBAND_FRACTION)) / 2 / upRate;
  const prototype = designLowpass({ length, cutoff, beta: kaiserBeta(STOPBAND_DB) });
  const tapsPerPhase = Math.ceil(Math.ceil(length / up) / 4) * 4;
  const taps = new Float64Array(up * tapsPerPhase);
  for (let p = 0; p < up; p++) {
    for (let i = 0; i < tapsPerPhase; i++) {
      taps[p * tapsPerPhase + (tapsPerPhase - 1 - i)] = (prototype[p + up * i] ?? 0) * up;
    }
  }
  return { up, down, taps, tapsPerPhase, delay: halfLength / down };
};

const plans = new Map<string, ResamplePlan>();

/** The (cached) plan for resampling `from` → `to`. */
export const resamplePlan = (from: SampleRate, to: SampleRate): ResamplePlan => {
  const key = `${from}>${to}`;
  let plan = plans.get(key);
  if (!plan) {
    plan = build(from, to);
    plans.set(key, plan);
  }
  return plan;
};
