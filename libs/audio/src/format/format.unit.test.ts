import { AudioFormatError } from '../errors';
import { pcmFromBytes, pcmToBytes } from './pcmBytes';
import { assertSampleRate, bytesPerFrame, isSampleRate, samplesPerFrame } from './sampleRate';

describe('PCM bytes', () => {
  it('reads little-endian 16-bit samples, also from an odd offset into a Buffer', () => {
    const wire = Buffer.from([0xaa, 0x01, 0x00, 0xff, 0x7f, 0x00, 0x80]).subarray(1);
    expect(Array.from(pcmFromBytes(wire))).toEqual([1, 32767, -32768]);
  });

  it('round-trips every 16-bit value', () => {
    const samples = new Int16Array(65536).map((_, i) => i - 32768);
    const bytes = pcmToBytes(samples);
    expect(bytes[0]).toBe(0x00);
    expect(bytes[1]).toBe(0x80);
    expect(pcmFromBytes(bytes)).toEqual(samples);
  });

  it('refuses an odd byte count', () => {
    expect(() => pcmFromBytes(new Uint8Array(5))).toThrow(AudioFormatError);
  });
});

describe('sample rates', () => {
  it('knows the frame sizes at each supported rate', () => {
    expect([8000, 16000, 24000].map((r) => samplesPerFrame(assertSampleRate(r)))).toEqual([
      160, 320, 480,
    ]);
    expect(bytesPerFrame(8000)).toBe(320);
  });

  it('refuses other rates with a typed error that carries the rate', () => {
    expect(isSampleRate(48000)).toBe(false);
    try {
      assertSampleRate(48000);
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(AudioFormatError);
      expect((error as AudioFormatError).detail).toEqual({ rate: 48000 });
      expect((error as AudioFormatError).name).toBe('AudioFormatError');
    }
  });
});
