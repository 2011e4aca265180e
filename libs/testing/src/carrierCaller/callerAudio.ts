import { readFileSync } from 'node:fs';
import { pcmFromBytes, readWav, resample } from '@warmline/audio';

/**
 * Audio for a test caller to play, at `rate`: a WAV file (16-bit mono, any
 * supported rate; resampled if needed) or raw 16-bit little-endian PCM
 * (`.pcm` / `.raw`), taken to be at `rate` already.
 */
export const loadCallerAudio = (path: string, rate: number): Int16Array => {
  const bytes = new Uint8Array(readFileSync(path));
  if (/\.(pcm|raw)$/i.test(path)) return pcmFromBytes(bytes);
  const wav = readWav(bytes);
  return wav.sampleRate === rate ? wav.samples : resample(wav.samples, wav.sampleRate, rate);
};

/** Concatenates frames. */
export const concatSamples = (frames: readonly Int16Array[]): Int16Array => {
  const out = new Int16Array(frames.reduce((n, f) => n + f.length, 0));
  let offset = 0;
  for (const frame of frames) {
    out.set(frame, offset);
    offset += frame.length;
  }
  return out;
};
