import { decodeAlaw, decodeMulaw, encodeAlaw, encodeMulaw } from '@warmline/audio';
import type { CallerEncoding } from './callerTypes';

/** A payload codec as a carrier applies it (L16 is big-endian, as RTP carries it). */
export interface CallerCodec {
  encode(samples: Int16Array): Uint8Array;
  decode(payload: Uint8Array): Int16Array;
}

const l16: CallerCodec = {
  encode: (samples) => {
    const out = new Uint8Array(samples.length * 2);
    const view = new DataView(out.buffer);
    samples.forEach((s, i) => view.setInt16(i * 2, s, false));
    return out;
  },
  decode: (payload) => {
    const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
    const out = new Int16Array(Math.floor(payload.length / 2));
    for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, false);
    return out;
  },
};

/** The codec for an encoding. */
export const callerCodec = (encoding: CallerEncoding): CallerCodec => {
  switch (encoding) {
    case 'PCMU':
      return { encode: encodeMulaw, decode: decodeMulaw };
    case 'PCMA':
      return { encode: encodeAlaw, decode: decodeAlaw };
    case 'L16':
      return l16;
  }
};
