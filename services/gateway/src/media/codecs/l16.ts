import { AudioFormatError } from '@warmline/audio';

/**
 * Reads L16 (RFC 3551 §4.5.11: 16-bit signed, network byte order) into samples.
 *
 * @throws {@link AudioFormatError} for an odd byte count.
 */
export const decodeL16 = (bytes: Uint8Array): Int16Array => {
  if (bytes.length % 2 !== 0) {
    throw new AudioFormatError(`L16 needs an even byte count, got ${bytes.length}`, {
      bytes: bytes.length,
    });
  }
  const out = new Int16Array(bytes.length / 2);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, false);
  return out;
};

/** Writes samples as L16 (16-bit big-endian). */
export const encodeL16 = (samples: Int16Array): Uint8Array => {
  const out = new Uint8Array(samples.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < samples.length; i++) view.setInt16(i * 2, samples[i]!, false);
  return out;
};
