import { Resampler } from './resampler';

/**
 * Resamples a whole signal at once (a file, a TTS utterance), compensating the
 * filter delay: the output is aligned with the input and holds exactly
 * ceil(length × to / from) samples.
 *
 * @throws {@link AudioFormatError} for a rate other than 8000, 16000 or 24000.
 */
export const resample = (input: Int16Array, fromRate: number, toRate: number): Int16Array => {
  const resampler = new Resampler(fromRate, toRate);
  if (fromRate === toRate) return input.slice();
  const body = resampler.process(input);
  const tail = resampler.flush();
  const all = new Int16Array(body.length + tail.length);
  all.set(body, 0);
  all.set(tail, body.length);
  const length = Math.ceil((input.length * toRate) / fromRate);
  return all.slice(resampler.delaySamples, resampler.delaySamples + length);
};
