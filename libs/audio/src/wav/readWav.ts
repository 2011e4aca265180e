import { WavFormatError } from '../errors';
import { pcmFromBytes } from '../format/pcmBytes';
import type { WavAudio } from './wavTypes';

const PCM = 1;
const EXTENSIBLE = 0xfffe;
/** Data sizes streaming writers leave when they cannot seek back. */
const UNKNOWN_SIZES = new Set([0, 0xffffffff]);

const tag = (bytes: Uint8Array, offset: number): string =>
  String.fromCharCode(...bytes.subarray(offset, offset + 4));

interface Format {
  sampleRate: number;
}

const readFormat = (view: DataView, offset: number, size: number): Format => {
  if (size < 16) throw new WavFormatError(`fmt chunk of ${size} bytes is too short`, offset);
  let format = view.getUint16(offset, true);
  if (format === EXTENSIBLE && size >= 26) format = view.getUint16(offset + 24, true);
  if (format !== PCM) throw new WavFormatError(`audio format ${format} is not PCM`, offset);
  const channels = view.getUint16(offset + 2, true);
  if (channels !== 1)
    throw new WavFormatError(`${channels} channels; only mono is read`, offset + 2);
  const sampleRate = view.getUint32(offset + 4, true);
  if (sampleRate === 0) throw new WavFormatError('sample rate 0', offset + 4);
  const bits = view.getUint16(offset + 14, true);
  if (bits !== 16)
    throw new WavFormatError(`${bits}-bit samples; only 16-bit is read`, offset + 14);
  return { sampleRate };
};

/**
 * Reads a RIFF/WAVE file of 16-bit mono PCM (plain or WAVE_FORMAT_EXTENSIBLE),
 * skipping chunks it does not need (LIST, fact, …).
 *
 * @throws {@link WavFormatError} for anything else, or a truncated file.
 */
export const readWav = (bytes: Uint8Array): WavAudio => {
  if (bytes.length < 12 || tag(bytes, 0) !== 'RIFF' || tag(bytes, 8) !== 'WAVE') {
    throw new WavFormatError('not a RIFF/WAVE file', 0);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: Format | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = tag(bytes, offset);
    const declared = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'data') {
      if (!format) throw new WavFormatError('data chunk before fmt chunk', offset);
      const remaining = bytes.length - body;
      const size = UNKNOWN_SIZES.has(declared) ? remaining - (remaining % 2) : declared;
      if (size > remaining)
        throw new WavFormatError(`data chunk truncated: ${remaining} of ${size} bytes`, body);
      if (size % 2 !== 0)
        throw new WavFormatError(`odd data size ${size} for 16-bit samples`, offset + 4);
      return {
        sampleRate: format.sampleRate,
        samples: pcmFromBytes(bytes.subarray(body, body + size)),
      };
    }
    if (body + declared > bytes.length) throw new WavFormatError(`${id} chunk truncated`, offset);
    if (id === 'fmt ') format = readFormat(view, body, declared);
    offset = body + declared + (declared % 2);
  }
  throw new WavFormatError('no data chunk', offset);
};
