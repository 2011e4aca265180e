import { decodeL16, encodeL16 } from './l16';
import { payloadCodecFor } from './payloadCodec';

describe('payload codecs', () => {
  it('L16 is 16-bit big-endian and lossless', () => {
    const samples = new Int16Array([0, 1, -1, 0x1234, -32768, 32767]);
    const bytes = encodeL16(samples);
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0, 0, 0, 1, 0xff, 0xff, 0x12, 0x34]);
    expect(decodeL16(bytes)).toEqual(samples);
    expect(() => decodeL16(new Uint8Array(3))).toThrow();
  });

  it('picks G.711 μ-law, A-law or L16 at the announced rate', () => {
    const mulaw = payloadCodecFor({ encoding: 'PCMU', sampleRate: 8000 });
    expect(mulaw.rate).toBe(8000);
    expect(mulaw.encode(new Int16Array([0]))).toEqual(new Uint8Array([0xff]));
    expect(
      payloadCodecFor({ encoding: 'PCMA', sampleRate: 16000 }).encode(new Int16Array([0])),
    ).toEqual(new Uint8Array([0xd5]));
    expect(payloadCodecFor({ encoding: 'L16', sampleRate: 24000 }).rate).toBe(24000);
    expect(() => payloadCodecFor({ encoding: 'L16', sampleRate: 22050 })).toThrow();
  });
});
