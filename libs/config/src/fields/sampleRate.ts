import { type EnvField, envField } from './envField';

/** The PCM sample rates the media plane carries, in Hz. */
export const SAMPLE_RATES = [8000, 16000, 24000] as const;

/** One of {@link SAMPLE_RATES}. */
export type SampleRate = (typeof SAMPLE_RATES)[number];

/** An audio sample rate in Hz: 8000, 16000 or 24000. */
export const sampleRate = (): EnvField<SampleRate> =>
  envField(`a sample rate in Hz: ${SAMPLE_RATES.join(', ')}`, (raw) =>
    SAMPLE_RATES.find((rate) => String(rate) === raw),
  );
