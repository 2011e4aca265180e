import { toneLevel } from '@warmline/audio';

/** Tone levels of a recording, per window, for presence checks. */
export interface ToneReport {
  /** Median over windows of the `hz` level (fraction of full scale). */
  readonly median: number;
  /** Fraction of windows where the tone is above `threshold`. */
  readonly presentFraction: number;
}

/**
 * Measures a tone with a Goertzel filter (libs/audio `toneLevel`) over 100 ms windows of
 * `samples[from..to)` (in seconds). A tone "is there" in a window above `threshold`.
 */
export const toneReport = (
  samples: Int16Array,
  rate: number,
  hz: number,
  options: { readonly fromS?: number; readonly toS?: number; readonly threshold?: number } = {},
): ToneReport => {
  const window = Math.round(rate / 10);
  const start = Math.round((options.fromS ?? 0) * rate);
  const end = Math.min(samples.length, Math.round((options.toS ?? Infinity) * rate));
  const threshold = options.threshold ?? 0.02;
  const levels: number[] = [];
  for (let at = start; at + window <= end; at += window)
    levels.push(toneLevel(samples.subarray(at, at + window), rate, hz));
  if (levels.length === 0) return { median: 0, presentFraction: 0 };
  const sorted = [...levels].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)] ?? 0,
    presentFraction: levels.filter((l) => l > threshold).length / levels.length,
  };
};
