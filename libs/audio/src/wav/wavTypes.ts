/** A decoded WAV file: 16-bit mono PCM at any sample rate. */
export interface WavAudio {
  sampleRate: number;
  samples: Int16Array;
}

/** Size of the canonical RIFF/WAVE header that {@link writeWav} emits. */
export const WAV_HEADER_BYTES = 44;
