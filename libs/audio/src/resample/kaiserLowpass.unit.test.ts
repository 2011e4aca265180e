import { besselI0, designLowpass, kaiserBeta, kaiserLength } from './kaiserLowpass';

const gainAt = (taps: Float64Array, cyclesPerSample: number): number => {
  let re = 0;
  let im = 0;
  taps.forEach((t, n) => {
    re += t * Math.cos(2 * Math.PI * cyclesPerSample * n);
    im -= t * Math.sin(2 * Math.PI * cyclesPerSample * n);
  });
  return Math.hypot(re, im);
};

describe('Kaiser windowed-sinc low-pass design', () => {
  it('computes I0 from its series (I0(0) = 1, I0(1) ≈ 1.26607)', () => {
    expect(besselI0(0)).toBe(1);
    expect(besselI0(1)).toBeCloseTo(1.2660658777520082, 12);
  });

  it('meets the attenuation it was designed for across the stopband', () => {
    const rate = 16000;
    const attenuation = 70;
    const length = kaiserLength(attenuation, 600, rate) | 1;
    const taps = designLowpass({ length, cutoff: 3700 / rate, beta: kaiserBeta(attenuation) });
    expect(gainAt(taps, 0)).toBeCloseTo(1, 12);
    expect(Math.abs(20 * Math.log10(gainAt(taps, 3400 / rate)))).toBeLessThan(0.01);
    for (let hz = 4000; hz <= 8000; hz += 50) {
      expect(20 * Math.log10(gainAt(taps, hz / rate))).toBeLessThan(-attenuation + 1);
    }
  });

  it('is symmetric, so its phase is linear', () => {
    const taps = designLowpass({ length: 31, cutoff: 0.2, beta: 6 });
    for (let n = 0; n < 31; n++) expect(taps[n]).toBeCloseTo(taps[30 - n]!, 15);
  });
});
