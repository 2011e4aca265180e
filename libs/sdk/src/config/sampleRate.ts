import { InvalidArgumentError } from '../errors/warmlineError';

/** The audio rates the platform speaks: 16-bit little-endian mono PCM at 8, 16 or 24 kHz. */
export type SampleRate = 8000 | 16000 | 24000;

/** Every supported rate. */
export const SAMPLE_RATES: readonly SampleRate[] = [8000, 16000, 24000];

/**
 * Checks a sample rate.
 *
 * @throws {@link InvalidArgumentError} unless it is 8000, 16000 or 24000
 */
export function validateSampleRate(value: unknown): SampleRate {
  if (SAMPLE_RATES.includes(value as SampleRate)) return value as SampleRate;
  throw new InvalidArgumentError(
    'sampleRate',
    `sampleRate must be 8000, 16000 or 24000; got ${String(value)}`,
  );
}

/** Bytes of PCM16 mono audio per millisecond at `rate`. */
export function bytesPerMs(rate: SampleRate): number {
  return (rate * 2) / 1000;
}
