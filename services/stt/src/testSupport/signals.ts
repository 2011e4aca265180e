import { clampInt16, sine } from '@warmline/audio';

/** Samples in a 20 ms frame at 16 kHz. */
export const FRAME_16K = 320;

/** A seeded PRNG (mulberry32), so noise is the same on every run. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** Uniform white noise at about `dbfs` RMS (relative to full scale). */
export const noise = (ms: number, dbfs: number, seed = 1, rate = 16000): Int16Array => {
  const random = seededRandom(seed);
  const out = new Int16Array(Math.round((rate * ms) / 1000));
  const amplitude = 32768 * 10 ** (dbfs / 20) * Math.sqrt(3); // uniform: RMS = A / sqrt(3)
  for (let i = 0; i < out.length; i++) out[i] = clampInt16((random() * 2 - 1) * amplitude);
  return out;
};

/** Silence. */
export const silence = (ms: number, rate = 16000): Int16Array =>
  new Int16Array(Math.round((rate * ms) / 1000));

/** A tone at about `dbfs` RMS (a sine's RMS is its peak / sqrt 2). */
export const tone = (ms: number, dbfs: number, hz = 440, rate = 16000): Int16Array =>
  sine({ rate, hz, durationMs: ms, amplitude: 10 ** (dbfs / 20) * Math.SQRT2 });

/**
 * Speech-like bursts: `syllables` tones of 180 ms with 60 ms dips to the
 * noise between them, which is what lets a minimum-statistics floor see
 * the noise under speech.
 */
export const syllables = (count: number, dbfs: number, rate = 16000): Int16Array =>
  concat(
    ...Array.from({ length: count }, (_, i) => [
      tone(180, dbfs, 300 + 40 * (i % 4), rate),
      silence(60, rate),
    ]).flat(),
  );

/** Sums signals sample by sample (the shorter ones padded with silence). */
export const mix = (...signals: Int16Array[]): Int16Array => {
  const out = new Int16Array(Math.max(...signals.map((s) => s.length)));
  for (let i = 0; i < out.length; i++)
    out[i] = clampInt16(signals.reduce((sum, s) => sum + (s[i] ?? 0), 0));
  return out;
};

/** Joins signals end to end. */
export const concat = (...signals: Int16Array[]): Int16Array => {
  const out = new Int16Array(signals.reduce((total, s) => total + s.length, 0));
  let offset = 0;
  for (const signal of signals) {
    out.set(signal, offset);
    offset += signal.length;
  }
  return out;
};

/** Cuts a signal into 20 ms frames (the last one padded with silence). */
export const frames = (samples: Int16Array, frameSamples = FRAME_16K): Int16Array[] => {
  const out: Int16Array[] = [];
  for (let offset = 0; offset < samples.length; offset += frameSamples) {
    const frame = new Int16Array(frameSamples);
    frame.set(samples.subarray(offset, offset + frameSamples));
    out.push(frame);
  }
  return out;
};
