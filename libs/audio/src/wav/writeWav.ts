import { WavFormatError } from '../errors';
import { pcmToBytes } from '../format/pcmBytes';
import { WAV_HEADER_BYTES } from './wavTypes';

const ascii = (view: DataView, offset: number, text: string): void => {
  for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
};

/**
 * Wraps 16-bit mono PCM in a canonical 44-byte RIFF/WAVE header.
 *
 * @throws {@link WavFormatError} for a sample rate that is not a positive integer.
 */
export const writeWav = (samples: Int16Array, sampleRate: number): Uint8Array => {
  if (!Number.isInteger(sampleRate) || sampleRate <= 0) {
    throw new WavFormatError(`cannot write a sample rate of ${sampleRate}`, 24);
  }
  const dataBytes = samples.length * 2;
  const out = new Uint8Array(WAV_HEADER_BYTES + dataBytes);
  const view = new DataView(out.buffer);
  ascii(view, 0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(view, 8, 'WAVE');
  ascii(view, 12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(view, 36, 'data');
  view.setUint32(40, dataBytes, true);
  out.set(pcmToBytes(samples), WAV_HEADER_BYTES);
  return out;
};
