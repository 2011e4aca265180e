import { clampInt16 } from '../format/pcmBytes';

/** What {@link sine} generates. */
export interface SineOptions {
  /** Sample rate in Hz. */
  rate: number;
  /** Tone frequency in Hz. */
  hz: number;
  /** Length in samples (wins over `durationMs`). */
  samples?: number;
  /** Length in milliseconds. */
  durationMs?: number;
  /** Peak amplitude as a fraction of full scale (default 0.5, about -9 dBFS). */
  amplitude?: number;
  /** Starting phase in radians (default 0). */
  phase?: number;
}

/** Generates a sine tone as 16-bit PCM samples. */
export const sine = ({
  rate,
  hz,
  samples,
  durationMs = 1000,
  amplitude = 0.5,
  phase = 0,
}: SineOptions): Int16Array => {
  const length = samples ?? Math.round((rate * durationMs) / 1000);
  const out = new Int16Array(length);
  const step = (2 * Math.PI * hz) / rate;
  const peak = amplitude * 32767;
  for (let i = 0; i < length; i++) out[i] = clampInt16(peak * Math.sin(phase + step * i));
  return out;
};
