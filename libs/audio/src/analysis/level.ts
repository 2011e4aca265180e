/**
 * Signal level: RMS and dBFS. dBFS is relative to a full-scale square wave
 * (RMS 32768), so a full-scale sine reads about -3 dBFS and digital silence
 * reads -Infinity.
 */

/** The level reported by {@link frameEnergyDbfs} for digital silence. */
export const SILENCE_DBFS = -100;

/** Root mean square of the samples (0 for an empty array). */
export const rms = (samples: Int16Array): number => {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i]! * samples[i]!;
  return Math.sqrt(sum / samples.length);
};

/** RMS level in dBFS; -Infinity for silence. */
export const rmsDbfs = (samples: Int16Array): number => 20 * Math.log10(rms(samples) / 32768);

/**
 * Energy of one frame in dBFS, floored at {@link SILENCE_DBFS}: the input a
 * simple energy voice-activity gate compares with its threshold.
 */
export const frameEnergyDbfs = (frame: Int16Array): number =>
  Math.max(rmsDbfs(frame), SILENCE_DBFS);

/** True when the frame's energy is at or above `thresholdDbfs` (default -45 dBFS). */
export const isVoiceEnergy = (frame: Int16Array, thresholdDbfs = -45): boolean =>
  frameEnergyDbfs(frame) >= thresholdDbfs;
