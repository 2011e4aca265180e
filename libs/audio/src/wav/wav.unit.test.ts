import { sine } from '../analysis/sine';
import { WavFormatError } from '../errors';
import { readWav } from './readWav';
import { WAV_HEADER_BYTES } from './wavTypes';
import { writeWav } from './writeWav';

const view = (bytes: Uint8Array): DataView =>
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const withChunkBefore = (wav: Uint8Array, id: string, body: Uint8Array): Uint8Array => {
  const padded = body.length + (body.length % 2);
  const out = new Uint8Array(wav.length + 8 + padded);
  out.set(wav.subarray(0, 36), 0);
  out.set(Buffer.from(id, 'ascii'), 36);
  view(out).setUint32(40, body.length, true);
  out.set(body, 44);
  out.set(wav.subarray(36), 44 + padded);
  return out;
};

const expectWavError = (bytes: Uint8Array, message: RegExp): void => {
  expect(() => readWav(bytes)).toThrow(WavFormatError);
  expect(() => readWav(bytes)).toThrow(message);
};

describe('WAV', () => {
  it('round-trips 16-bit mono PCM with its sample rate', () => {
    const samples = sine({ rate: 24000, hz: 440, durationMs: 100 });
    const wav = writeWav(samples, 24000);
    expect(wav).toHaveLength(WAV_HEADER_BYTES + samples.length * 2);
    expect(Buffer.from(wav.subarray(0, 4)).toString('ascii')).toBe('RIFF');
    expect(view(wav).getUint32(28, true)).toBe(48000);
    const read = readWav(wav);
    expect(read.sampleRate).toBe(24000);
    expect(read.samples).toEqual(samples);
  });

  it('skips chunks it does not need, including an odd-sized one with its pad byte', () => {
    const samples = new Int16Array([1, -2, 3]);
    const wav = withChunkBefore(writeWav(samples, 8000), 'LIST', new Uint8Array(5).fill(9));
    expect(Array.from(readWav(wav).samples)).toEqual([1, -2, 3]);
  });

  it('reads WAVE_FORMAT_EXTENSIBLE with a PCM sub-format', () => {
    const samples = new Int16Array([5, 6]);
    const plain = writeWav(samples, 16000);
    const out = new Uint8Array(plain.length + 24);
    out.set(plain.subarray(0, 36));
    view(out).setUint32(16, 40, true);
    view(out).setUint16(20, 0xfffe, true);
    view(out).setUint16(36, 22, true); // cbSize
    view(out).setUint16(44, 1, true); // sub-format GUID starts with PCM = 1
    out.set(plain.subarray(36), 60);
    expect(readWav(out)).toEqual({ sampleRate: 16000, samples });
  });

  it('reads a streaming writer’s unknown data size as “to the end of the file”', () => {
    const wav = writeWav(new Int16Array([1, 2, 3, 4]), 8000);
    view(wav).setUint32(40, 0xffffffff, true);
    expect(readWav(wav).samples).toHaveLength(4);
  });

  it('refuses files that are not 16-bit mono PCM WAV, with a typed error', () => {
    const good = writeWav(new Int16Array([1, 2]), 8000);
    const patch = (offset: number, value: number, bytes: 2 | 4): Uint8Array => {
      const copy = good.slice();
      if (bytes === 2) view(copy).setUint16(offset, value, true);
      else view(copy).setUint32(offset, value, true);
      return copy;
    };
    expectWavError(new Uint8Array(8), /not a RIFF/);
    expectWavError(Buffer.from('RIFF\0\0\0\0AVI LIST'), /not a RIFF/);
    expectWavError(patch(22, 2, 2), /2 channels/);
    expectWavError(patch(34, 8, 2), /8-bit/);
    expectWavError(patch(20, 3, 2), /not PCM/);
    expectWavError(patch(40, 1000, 4), /truncated/);
    expectWavError(patch(40, 3, 4), /odd data size/);
    expectWavError(good.subarray(0, 36), /no data chunk/);
    expectWavError(patch(12, 0x61746164, 4), /data chunk before fmt/); // 'data' where 'fmt ' was
  });

  it('refuses to write an impossible sample rate', () => {
    expect(() => writeWav(new Int16Array(1), 0)).toThrow(WavFormatError);
  });
});
