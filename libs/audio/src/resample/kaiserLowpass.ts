/**
 * Windowed-sinc low-pass FIR design with a Kaiser window (Kaiser's empirical
 * formulas for the window shape and length from a stopband attenuation and a
 * transition width).
 */

/** Modified Bessel function of the first kind, order 0 (power series). */
export const besselI0 = (x: number): number => {
  const half = x / 2;
  let term = 1;
  let sum = 1;
  for (let k = 1; term > sum * 1e-16; k++) {
    term *= (half / k) * (half / k);
    sum += term;
  }
  return sum;
};

/** Kaiser window shape parameter β for a stopband attenuation in dB. */
export const kaiserBeta = (attenuationDb: number): number => {
  if (attenuationDb > 50) return 0.1102 * (attenuationDb - 8.7);
  if (attenuationDb >= 21) {
    return 0.5842 * (attenuationDb - 21) ** 0.4 + 0.07886 * (attenuationDb - 21);
  }
  return 0;
};

/**
 * Taps a Kaiser-windowed FIR needs for `attenuationDb` of stopband rejection
 * across a transition `transitionHz` wide at sample rate `rate`.
 */
export const kaiserLength = (attenuationDb: number, transitionHz: number, rate: number): number =>
  Math.ceil((attenuationDb - 7.95) / (2.285 * ((2 * Math.PI * transitionHz) / rate))) + 1;

/** What {@link designLowpass} builds. */
export interface LowpassSpec {
  /** Number of taps; odd, so the filter has an integer group delay of (length-1)/2. */
  length: number;
  /** -6 dB cutoff as a fraction of the sample rate (0 < cutoff < 0.5). */
  cutoff: number;
  /** Kaiser β (see {@link kaiserBeta}). */
  beta: number;
}

/** Linear-phase low-pass taps with unity gain at DC. */
export const designLowpass = ({ length, cutoff, beta }: LowpassSpec): Float64Array => {
  const taps = new Float64Array(length);
  const centre = (length - 1) / 2;
  const norm = besselI0(beta);
  let sum = 0;
  for (let n = 0; n < length; n++) {
    const t = n - centre;
    const sinc = t === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
    const r = centre === 0 ? 0 : t / centre;
    const window = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / norm;
    const tap = sinc * window;
    taps[n] = tap;
    sum += tap;
  }
  for (let n = 0; n < length; n++) taps[n]! /= sum;
  return taps;
};
