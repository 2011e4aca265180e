import { ratioToDb, toneLevel } from '../analysis/goertzel';
import { sine } from '../analysis/sine';
import { zeroCrossingHz } from '../analysis/zeroCrossings';
import { AudioFormatError } from '../errors';
import { type SampleRate, samplesPerFrame } from '../format/sampleRate';
import { resample } from './resample';
import { Resampler } from './resampler';

const PAIRS: [SampleRate, SampleRate][] = [
  [8000, 16000],
  [8000, 24000],
  [16000, 8000],
  [24000, 8000],
  [16000, 24000],
  [24000, 16000],
];

/** Drops 20 ms at each end, where the filter sees the signal start and stop. */
const steady = (samples: Int16Array, rate: number): Int16Array =>
  samples.subarray(rate / 50, samples.length - rate / 50);

const frames = (signal: Int16Array, size: number): Int16Array[] => {
  const out: Int16Array[] = [];
  for (let i = 0; i < signal.length; i += size) out.push(signal.subarray(i, i + size));
  return out;
};

const concat = (parts: Int16Array[]): Int16Array => {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

describe('resampling between 8, 16 and 24 kHz', () => {
  it.each(PAIRS)('%i → %i Hz keeps a 1 kHz tone at 1 kHz and at its level', (from, to) => {
    const tone = sine({ rate: from, hz: 1000, durationMs: 1000, amplitude: 0.5 });
    const out = steady(resample(tone, from, to), to);
    expect(zeroCrossingHz(out, to)).toBeCloseTo(1000, 0);
    expect(Math.abs(ratioToDb(toneLevel(out, to, 1000) / 0.5))).toBeLessThan(0.05);
  });

  it.each(PAIRS)(
    '%i → %i Hz passes the telephone band edge (3.4 kHz) within 0.1 dB',
    (from, to) => {
      const tone = sine({ rate: from, hz: 3400, durationMs: 1000, amplitude: 0.5 });
      const out = steady(resample(tone, from, to), to);
      expect(Math.abs(ratioToDb(toneLevel(out, to, 3400) / 0.5))).toBeLessThan(0.1);
    },
  );

  it('attenuates a 6 kHz tone going 16k → 8k by at least 70 dB (no 2 kHz alias)', () => {
    const tone = sine({ rate: 16000, hz: 6000, durationMs: 1000, amplitude: 0.9 });
    const out = steady(resample(tone, 16000, 8000), 8000);
    const aliasDb = ratioToDb(toneLevel(out, 8000, 2000) / toneLevel(tone, 16000, 6000));
    expect(aliasDb).toBeLessThan(-70);
  });

  it('rejects aliases just above the 8 kHz Nyquist (4.1–7 kHz) by at least 65 dB, from 16k and 24k', () => {
    for (const from of [16000, 24000] as const) {
      for (const hz of [4100, 4500, 5000, 7000]) {
        const tone = sine({ rate: from, hz, durationMs: 1000, amplitude: 0.9 });
        const out = steady(resample(tone, from, 8000), 8000);
        expect(ratioToDb(toneLevel(out, 8000, 8000 - hz) / 0.9)).toBeLessThan(-65);
      }
    }
  });

  it('removes the imaging a naive upsampler would create (1 kHz at 8k → 16k: no 7 kHz image)', () => {
    const tone = sine({ rate: 8000, hz: 1000, durationMs: 1000, amplitude: 0.9 });
    const out = steady(resample(tone, 8000, 16000), 16000);
    expect(ratioToDb(toneLevel(out, 16000, 7000) / 0.9)).toBeLessThan(-70);
  });

  it.each(PAIRS)('%i → %i Hz turns each 20 ms frame into exactly one 20 ms frame', (from, to) => {
    const resampler = new Resampler(from, to);
    const input = sine({ rate: from, hz: 440, durationMs: 1000 });
    const outputs = frames(input, samplesPerFrame(from)).map((f) => resampler.process(f));
    expect(outputs).toHaveLength(50);
    expect(outputs.every((f) => f.length === samplesPerFrame(to))).toBe(true);
  });

  it.each(PAIRS)(
    '%i → %i Hz streamed frame by frame equals the whole signal at once',
    (from, to) => {
      const input = sine({ rate: from, hz: 1000, durationMs: 400, amplitude: 0.7 });
      const resampler = new Resampler(from, to);
      const streamed = concat([
        ...frames(input, samplesPerFrame(from)).map((f) => resampler.process(f)),
        resampler.flush(),
      ]);
      const whole = resample(input, from, to);
      expect(streamed.length - resampler.delaySamples).toBe(whole.length);
      expect(Array.from(streamed.subarray(resampler.delaySamples))).toEqual(Array.from(whole));
    },
  );

  it('has no discontinuity at frame boundaries: the largest step equals the sine slope', () => {
    const input = sine({ rate: 8000, hz: 1000, durationMs: 400, amplitude: 0.7 });
    const resampler = new Resampler(8000, 16000);
    const out = steady(concat(frames(input, 160).map((f) => resampler.process(f))), 16000);
    let largestStep = 0;
    for (let i = 1; i < out.length; i++)
      largestStep = Math.max(largestStep, Math.abs(out[i]! - out[i - 1]!));
    const slope = 0.7 * 32767 * 2 * Math.sin(Math.PI * (1000 / 16000)); // max step of the ideal sine
    expect(largestStep).toBeLessThanOrEqual(Math.ceil(slope) + 2);
  });

  it('gives the same output whatever the chunk sizes', () => {
    const input = sine({ rate: 24000, hz: 700, durationMs: 300 });
    const whole = new Resampler(24000, 16000);
    const expected = concat([whole.process(input), whole.flush()]);
    const chunked = new Resampler(24000, 16000);
    const parts: Int16Array[] = [];
    for (let i = 0, size = 1; i < input.length; i += size, size = (size * 7 + 3) % 97) {
      parts.push(chunked.process(input.subarray(i, i + size)));
    }
    parts.push(chunked.flush());
    expect(Array.from(concat(parts))).toEqual(Array.from(expected));
  });

  it('returns exactly ceil(n × to / from) samples for any length', () => {
    for (const n of [0, 1, 2, 3, 7, 159, 161, 1001]) {
      for (const [from, to] of PAIRS) {
        expect(resample(new Int16Array(n), from, to)).toHaveLength(Math.ceil((n * to) / from));
      }
    }
  });

  it('copies audio unchanged when the rates match', () => {
    const input = sine({ rate: 16000, hz: 500, samples: 320 });
    const resampler = new Resampler(16000, 16000);
    expect(resampler.delaySamples).toBe(0);
    expect(Array.from(resampler.process(input))).toEqual(Array.from(input));
    expect(resampler.flush()).toHaveLength(0);
  });

  it('saturates instead of wrapping on a full-scale square wave (Gibbs overshoot)', () => {
    const square = new Int16Array(1600).map((_, i) => (Math.floor(i / 20) % 2 ? -32768 : 32767));
    const out = resample(square, 8000, 16000);
    for (let i = 0; i < square.length; i++) {
      if (square[i]! > 0 && square[i - 1] === square[i] && square[i + 1] === square[i]) {
        expect(out[2 * i]).toBeGreaterThan(0);
      }
    }
  });

  it('refuses an unsupported rate with a typed error', () => {
    expect(() => new Resampler(44100, 8000)).toThrow(AudioFormatError);
    expect(() => resample(new Int16Array(10), 8000, 11025)).toThrow(AudioFormatError);
  });
});
