import { decodeAlaw, decodeMulaw, encodeAlaw, encodeMulaw, Resampler } from '@warmline/audio';
import { concatSamples } from '@warmline/testing';

/** A codec round trip as the carrier leg applies it. */
export type RoundTrip = (samples: Int16Array) => Int16Array;

/** μ-law, A-law and L16 (lossless) round trips. */
export const roundTrips: Readonly<Record<'PCMU' | 'PCMA' | 'L16', RoundTrip>> = {
  PCMU: (s) => decodeMulaw(encodeMulaw(s)),
  PCMA: (s) => decodeAlaw(encodeAlaw(s)),
  L16: (s) => s.slice(),
};

const frames = (samples: Int16Array, size: number): Int16Array[] => {
  const out: Int16Array[] = [];
  for (let i = 0; i < samples.length; i += size)
    out.push(samples.subarray(i, Math.min(samples.length, i + size)));
  return out;
};

/**
 * What the caller should hear of agent audio published in 20 ms frames at
 * `fromRate`: resampled frame by frame with the tail flushed at the end of the
 * utterance, then through the carrier codec.
 */
export const expectedHeard = (
  agent: Int16Array,
  fromRate: number,
  toRate: number,
  roundTrip: RoundTrip,
): Int16Array => {
  const resampler = new Resampler(fromRate, toRate);
  const parts = frames(agent, (fromRate * 20) / 1000).map((f) => resampler.process(f));
  parts.push(resampler.flush());
  return roundTrip(concatSamples(parts));
};

/** What the bus should carry for caller audio played in 20 ms frames at `fromRate` (16 kHz frames). */
export const expectedCallerFrames = (
  caller: Int16Array,
  fromRate: number,
  roundTrip: RoundTrip,
): Int16Array => {
  const resampler = new Resampler(fromRate, 16000);
  return concatSamples(
    frames(roundTrip(caller), (fromRate * 20) / 1000).map((f) => resampler.process(f)),
  );
};
