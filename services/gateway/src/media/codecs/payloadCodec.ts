import {
  assertSampleRate,
  decodeAlaw,
  decodeMulaw,
  encodeAlaw,
  encodeMulaw,
  type SampleRate,
} from '@warmline/audio';
import type { StreamMediaFormat } from '../../carriers/stream/streamEvent';
import { decodeL16, encodeL16 } from './l16';

/** Turns a transport's payload bytes into PCM at its rate and back. */
export interface PayloadCodec {
  readonly encoding: StreamMediaFormat['encoding'];
  readonly rate: SampleRate;
  /** @throws {@link AudioFormatError} for bytes that cannot be this encoding (odd L16 length). */
  decode(payload: Uint8Array): Int16Array;
  encode(samples: Int16Array): Uint8Array;
}

/**
 * The codec for a stream's announced format: G.711 μ-law (PCMU), A-law (PCMA)
 * or L16 (16-bit big-endian linear PCM, network order as RTP carries it).
 *
 * @throws {@link AudioFormatError} for a rate outside 8, 16 and 24 kHz.
 */
export const payloadCodecFor = (format: StreamMediaFormat): PayloadCodec => {
  const rate = assertSampleRate(format.sampleRate);
  switch (format.encoding) {
    case 'PCMU':
      return { encoding: 'PCMU', rate, decode: decodeMulaw, encode: encodeMulaw };
    case 'PCMA':
      return { encoding: 'PCMA', rate, decode: decodeAlaw, encode: encodeAlaw };
    case 'L16':
      return { encoding: 'L16', rate, decode: decodeL16, encode: encodeL16 };
  }
};
