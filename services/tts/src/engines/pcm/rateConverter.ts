import { isSampleRate, Resampler, type SampleRate } from '@warmline/audio';
import { SincResampler } from './sincResampler';

/** A streaming sample-rate converter. */
export interface RateConverter {
  process(input: Int16Array): Int16Array;
  /** The delayed tail at the end of the stream. */
  flush(): Int16Array;
}

/**
 * Converts `from` → `to`: the media library's polyphase `Resampler` between
 * 8, 16 and 24 kHz, a windowed-sinc converter from any other rate.
 */
export const createRateConverter = (from: number, to: SampleRate): RateConverter =>
  isSampleRate(from) ? new Resampler(from, to) : new SincResampler(from, to);
