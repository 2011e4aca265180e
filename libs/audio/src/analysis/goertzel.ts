/**
 * Goertzel single-frequency detector with a Hann window, evaluated at exactly
 * `hz` (not the nearest DFT bin), so a pure tone at `hz` measures its true
 * amplitude and tones a few bins away are suppressed by the window's sidelobes.
 */

/**
 * Amplitude of the `hz` component of `samples`, as a fraction of full scale:
 * a full-scale sine at `hz` gives about 1.0, silence 0.
 */
export const toneLevel = (samples: Int16Array, rate: number, hz: number): number => {
  const n = samples.length;
  if (n === 0) return 0;
  const coeff = 2 * Math.cos((2 * Math.PI * hz) / rate);
  const windowStep = (2 * Math.PI) / n;
  let prev = 0;
  let prev2 = 0;
  let windowSum = 0;
  for (let i = 0; i < n; i++) {
    const w = 0.5 - 0.5 * Math.cos(windowStep * (i + 0.5));
    windowSum += w;
    const s = samples[i]! * w + coeff * prev - prev2;
    prev2 = prev;
    prev = s;
  }
  const power = prev * prev + prev2 * prev2 - coeff * prev * prev2;
  return (2 * Math.sqrt(Math.max(power, 0))) / windowSum / 32768;
};

/** Converts an amplitude ratio to decibels (20·log10). */
export const ratioToDb = (ratio: number): number => 20 * Math.log10(ratio);
