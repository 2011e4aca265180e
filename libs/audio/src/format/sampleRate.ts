import { AudioFormatError } from '../errors';

/** The sample rates the media plane carries internally. */
export type SampleRate = 8000 | 16000 | 24000;

/** Every supported sample rate, lowest first. */
export const SAMPLE_RATES: readonly SampleRate[] = [8000, 16000, 24000];

/** Duration of one media frame, in milliseconds. */
export const FRAME_MS = 20;

/** True when `rate` is one of {@link SAMPLE_RATES}. */
export const isSampleRate = (rate: number): rate is SampleRate =>
  (SAMPLE_RATES as readonly number[]).includes(rate);

/** Returns `rate` as a {@link SampleRate}, or throws {@link AudioFormatError}. */
export const assertSampleRate = (rate: number): SampleRate => {
  if (!isSampleRate(rate)) {
    throw new AudioFormatError(`unsupported sample rate ${rate} Hz (8000, 16000 or 24000)`, {
      rate,
    });
  }
  return rate;
};

/** Samples in one frame of `frameMs` at `rate` (160, 320 or 480 for 20 ms). */
export const samplesPerFrame = (rate: SampleRate, frameMs: number = FRAME_MS): number => {
  const samples = (rate * frameMs) / 1000;
  if (!Number.isInteger(samples) || samples <= 0) {
    throw new AudioFormatError(`a ${frameMs} ms frame is not a whole number of samples`, {
      rate,
      frameMs,
    });
  }
  return samples;
};

/** Bytes of 16-bit PCM in one frame of `frameMs` at `rate`. */
export const bytesPerFrame = (rate: SampleRate, frameMs: number = FRAME_MS): number =>
  samplesPerFrame(rate, frameMs) * 2;

/** Duration in milliseconds of `samples` samples at `rate`. */
export const samplesToMs = (samples: number, rate: number): number => (samples * 1000) / rate;
