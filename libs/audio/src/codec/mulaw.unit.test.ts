import { sine } from '../analysis/sine';
import { decodeMulaw, encodeMulaw, linearToMulaw, mulawToLinear } from './mulaw';

const snrDb = (reference: Int16Array, decoded: Int16Array): number => {
  let signal = 0;
  let noise = 0;
  for (let i = 0; i < reference.length; i++) {
    signal += reference[i]! ** 2;
    noise += (reference[i]! - decoded[i]!) ** 2;
  }
  return 10 * Math.log10(signal / noise);
};

describe('G.711 μ-law', () => {
  it('maps the documented code points', () => {
    expect(linearToMulaw(0)).toBe(0xff);
    expect(mulawToLinear(0xff)).toBe(0);
    expect(mulawToLinear(0x7f)).toBe(0);
    expect(mulawToLinear(0x80)).toBe(32124); // largest positive
    expect(mulawToLinear(0x00)).toBe(-32124); // largest negative
    expect(linearToMulaw(32767)).toBe(0x80);
    expect(linearToMulaw(-32768)).toBe(0x00);
  });

  it('decodes every code to a value that encodes back to the same code', () => {
    // except 0x7F, "negative zero", which decodes to 0 and so encodes as 0xFF
    const codes = Array.from({ length: 256 }, (_, code) => code).filter((c) => c !== 0x7f);
    expect(codes.map((code) => linearToMulaw(mulawToLinear(code)))).toEqual(codes);
  });

  it('is monotonic over the whole 16-bit range', () => {
    const decreases: number[] = [];
    let previous = -Infinity;
    for (let s = -32768; s < 32768; s++) {
      const decoded = mulawToLinear(linearToMulaw(s));
      if (decoded < previous) decreases.push(s);
      previous = decoded;
    }
    expect(decreases).toEqual([]);
  });

  it('round-trips every sample within half a quantisation step of its segment', () => {
    // segment e (biased magnitude in [2^(e+7), 2^(e+8))) has steps of 2^(e+3); above 32635 it clips
    const outOfBound: number[] = [];
    let worst = 0;
    for (let s = -32768; s < 32768; s++) {
      const error = Math.abs(mulawToLinear(linearToMulaw(s)) - s);
      const magnitude = Math.min(Math.abs(s), 32635) + 0x84;
      const segment = 31 - Math.clz32(magnitude) - 7;
      const clipped = Math.abs(s) > 32635 ? Math.abs(s) - 32635 : 0;
      if (error > (4 << segment) + clipped) outOfBound.push(s);
      worst = Math.max(worst, error);
    }
    expect(outOfBound).toEqual([]);
    expect(worst).toBe(644); // -32768 clips to -32124
  });

  it('keeps a 1 kHz sine above 33 dB SNR from -40 to -1 dBFS peak', () => {
    for (const dbfs of [-40, -30, -20, -10, -6, -3, -1]) {
      const tone = sine({
        rate: 8000,
        hz: 1000,
        durationMs: 1000,
        amplitude: 10 ** (dbfs / 20),
        phase: 0.3,
      });
      expect(snrDb(tone, decodeMulaw(encodeMulaw(tone)))).toBeGreaterThan(33);
    }
  });

  it('encodes and decodes buffers exactly as the per-sample functions do', () => {
    const samples = new Int16Array(65536);
    for (let i = 0; i < samples.length; i++) samples[i] = i - 32768;
    const codes = encodeMulaw(samples);
    expect(codes).toHaveLength(samples.length);
    expect(codes.every((c, i) => c === linearToMulaw(samples[i]!))).toBe(true);
    const decoded = decodeMulaw(codes);
    expect(decoded.every((v, i) => v === mulawToLinear(codes[i]!))).toBe(true);
  });

  it('decodes a Node Buffer slice at an odd offset', () => {
    const wire = Buffer.from([0x00, 0xff, 0x80, 0x7f]).subarray(1);
    expect(Array.from(decodeMulaw(wire))).toEqual([0, 32124, 0]);
  });
});
