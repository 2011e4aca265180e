import { AudioFormatError } from '../errors';

const hostIsLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const swapPairs = (bytes: Uint8Array): void => {
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const low = bytes[i]!;
    bytes[i] = bytes[i + 1]!;
    bytes[i + 1] = low;
  }
};

/**
 * Reads 16-bit little-endian PCM bytes (a Buffer from the wire, for example)
 * into samples. Copies, so the result never aliases the input and is aligned.
 *
 * @throws {@link AudioFormatError} when the byte count is odd.
 */
export const pcmFromBytes = (bytes: Uint8Array): Int16Array => {
  if (bytes.length % 2 !== 0) {
    throw new AudioFormatError(`16-bit PCM needs an even byte count, got ${bytes.length}`, {
      bytes: bytes.length,
    });
  }
  const copy = new Uint8Array(bytes);
  if (!hostIsLittleEndian) swapPairs(copy);
  return new Int16Array(copy.buffer, 0, copy.length / 2);
};

/** Writes samples as 16-bit little-endian PCM bytes (a fresh copy). */
export const pcmToBytes = (samples: Int16Array): Uint8Array => {
  const bytes = new Uint8Array(samples.length * 2);
  bytes.set(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength));
  if (!hostIsLittleEndian) swapPairs(bytes);
  return bytes;
};

/** Accepts samples as they are, or PCM bytes via {@link pcmFromBytes}. */
export const toSamples = (pcm: Int16Array | Uint8Array): Int16Array =>
  pcm instanceof Int16Array ? pcm : pcmFromBytes(pcm);

/** Clamps a number to the int16 range after rounding to the nearest integer. */
export const clampInt16 = (value: number): number => {
  const rounded = Math.round(value);
  return rounded > 32767 ? 32767 : rounded < -32768 ? -32768 : rounded;
};
