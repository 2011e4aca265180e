import { frameEnergyDbfs } from '@warmline/audio';

/** What {@link trimSilence} keeps. */
export interface TrimOptions {
  /** Sample rate of the input. */
  readonly rate: number;
  /** A 10 ms block at or above this level is speech (default -50 dBFS). */
  readonly thresholdDbfs?: number;
  /** Silence kept before the first and after the last speech block (default 100 ms). */
  readonly padMs?: number;
}

/**
 * Cuts leading and trailing silence down to `padMs`, so the committed corpus
 * stays small. Tests that need silence around speech add their own.
 */
export const trimSilence = (samples: Int16Array, options: TrimOptions): Int16Array => {
  const block = Math.round(options.rate / 100);
  const threshold = options.thresholdDbfs ?? -50;
  const pad = Math.round(((options.padMs ?? 100) * options.rate) / 1000);
  let first = -1;
  let last = -1;
  for (let start = 0; start < samples.length; start += block) {
    if (frameEnergyDbfs(samples.subarray(start, start + block)) >= threshold) {
      if (first < 0) first = start;
      last = Math.min(samples.length, start + block);
    }
  }
  if (first < 0) return samples.slice(0, 0);
  return samples.slice(Math.max(0, first - pad), Math.min(samples.length, last + pad));
};
