import { sine } from '../analysis/sine';
import { alawToLinear, decodeAlaw, encodeAlaw, linearToAlaw } from './alaw';

const snrDb = (reference: Int16Array, decoded: Int16Array): number => {
  let signal = 0;
  let noise = 0;
  for (let i = 0; i < reference.length; i++) {
    signal += reference[i]! ** 2;
    noise += (reference[i]! - decoded[i]!) ** 2;
  }
  return 10 * Math.log10(signal / noise);
};

describe('G.711 A-law', () => {
  it('maps the documented code points', () => {
    expect(linearToAlaw(0)).toBe(0xd5);
    expect(linearToAlaw(-1)).toBe(0x55);
    expect(alawToLinear(0xd5)).toBe(8);
    expect(alawToLinear(0x55)).toBe(-8);
    expect(alawToLinear(0xaa)).toBe(32256); // largest positive
    expect(alawToLinear(0x2a)).toBe(-32256); // largest negative
    expect(linearToAlaw(32767)).toBe(0xaa);
    expect(linearToAlaw(-32768)).toBe(0x2a);
  });

  it('decodes every code to a value that encodes back to the same code', () => {
    const codes = Array.from({ length: 256 }, (_, code) => code);
    expect(codes.map((code) => linearToAlaw(alawToLinear(code)))).toEqual(codes);
  });

  it('is monotonic over the whole 16-bit range', () => {
    const decreases: number[] = [];
    let previous = -Infinity;
    for (let s = -32768; s < 32768; s++) {
      const decoded = alawToLinear(linearToAlaw(s));
      if (decoded < previous) decreases.push(s);
      previous = decoded;
    }
    expect(decreases).toEqual([]);
  });

  it('round-trips every sample within half a quantisation step of its segment', () => {
    // segments 0 and 1 have steps of 16; segment e ≥ 2 has steps of 2^(e+3)
    const outOfBound: number[] = [];
    let worst = 0;
    for (let s = -32768; s < 32768; s++) {
      const error = Math.abs(alawToLinear(linearToAlaw(s)) - s);
      const magnitude = s >= 0 ? s : -s - 1;
      const segment = magnitude < 256 ? 0 : 31 - Math.clz32(magnitude) - 7;
      const halfStep = segment < 2 ? 8 : 4 << segment;
      if (error > halfStep) outOfBound.push(s);
      worst = Math.max(worst, error);
    }
    expect(outOfBound).toEqual([]);
    expect(worst).toBe(512);
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
      expect(snrDb(tone, decodeAlaw(encodeAlaw(tone)))).toBeGreaterThan(33);
    }
  });

  it('encodes and decodes buffers exactly as the per-sample functions do', () => {
    const samples = new Int16Array(65536);
    for (let i = 0; i < samples.length; i++) samples[i] = i - 32768;
    const codes = encodeAlaw(samples);
    expect(codes.every((c, i) => c === linearToAlaw(samples[i]!))).toBe(true);
    expect(decodeAlaw(codes).every((v, i) => v === alawToLinear(codes[i]!))).toBe(true);
  });
});
