import { rms, sine, zeroCrossingHz } from '@warmline/audio';
import { PcmByteStream } from './pcmByteStream';
import { SincResampler } from './sincResampler';
import { WavStreamError, WavStreamParser } from './wavStreamParser';

const wavHeader = (rate: number, dataSize: number, extra: Uint8Array = new Uint8Array(0)) => {
  const bytes = new Uint8Array(44 + extra.length);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) =>
    [...text].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataSize, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  bytes.set(extra, 36); // an optional chunk before data
  ascii(36 + extra.length, 'data');
  view.setUint32(40 + extra.length, dataSize, true);
  return bytes;
};

const le = (samples: number[]) => new Uint8Array(Int16Array.from(samples).buffer);

/** Feeds `bytes` one byte at a time (the worst a pipe can do) and collects the samples. */
const feedByByte = (parser: WavStreamParser, bytes: Uint8Array): number[] => {
  const out: number[] = [];
  for (const byte of bytes) out.push(...parser.push(Uint8Array.of(byte)));
  return out;
};

describe('WavStreamParser', () => {
  it('reads the header and samples from a stream cut at every byte', () => {
    const parser = new WavStreamParser();
    const samples = [1, -2, 300, -32768, 32767];
    const stream = new Uint8Array([...wavHeader(16000, 10), ...le(samples)]);
    expect(feedByByte(parser, stream)).toEqual(samples);
    expect(parser.format).toEqual({ sampleRate: 16000 });
    expect(() => parser.end()).not.toThrow();
  });

  it('skips chunks before data and stops at the declared data size', () => {
    const list = new Uint8Array([...new TextEncoder().encode('LIST'), 3, 0, 0, 0, 9, 9, 9, 0]);
    const parser = new WavStreamParser();
    const trailing = new TextEncoder().encode('id3 trailing chunk');
    const stream = new Uint8Array([...wavHeader(8000, 4, list), ...le([5, 6]), ...trailing]);
    expect(Array.from(parser.push(stream))).toEqual([5, 6]);
  });

  it('reads until the end when the writer could not know the size (espeak-ng --stdout)', () => {
    const parser = new WavStreamParser();
    parser.push(wavHeader(22050, 0x7ffff000));
    expect(Array.from(parser.push(le([7, 8, 9])))).toEqual([7, 8, 9]);
  });

  it('rejects other formats and streams that end inside the header or a sample', () => {
    expect(() => new WavStreamParser().push(new TextEncoder().encode('RIFF....WAVX'))).toThrow(
      WavStreamError,
    );
    const stereo = wavHeader(8000, 4);
    stereo[22] = 2;
    expect(() => new WavStreamParser().push(stereo)).toThrow(/2 channels/);
    const short = new WavStreamParser();
    short.push(wavHeader(8000, 4).subarray(0, 30));
    expect(() => short.end()).toThrow(/inside the header/);
    const halfSample = new WavStreamParser();
    halfSample.push(new Uint8Array([...wavHeader(8000, 4), 1]));
    expect(() => halfSample.end()).toThrow(/inside a sample/);
  });
});

describe('PcmByteStream', () => {
  it('carries an odd byte over to the next chunk', () => {
    const stream = new PcmByteStream();
    const bytes = le([1000, -1000, 12345]);
    const out = [
      ...stream.push(bytes.subarray(0, 3)),
      ...stream.push(bytes.subarray(3, 4)),
      ...stream.push(bytes.subarray(4)),
    ];
    expect(out).toEqual([1000, -1000, 12345]);
    expect(stream.pending).toBe(false);
  });
});

describe('SincResampler', () => {
  const convert = (input: Int16Array, from: number, to: number, chunk = 441): Int16Array => {
    const resampler = new SincResampler(from, to);
    const parts: number[] = [];
    for (let i = 0; i < input.length; i += chunk)
      parts.push(...resampler.process(input.subarray(i, i + chunk)));
    parts.push(...resampler.flush());
    return Int16Array.from(parts);
  };

  it('keeps a tone inside the band at its frequency and level, with the expected length', () => {
    const input = sine({ rate: 22050, hz: 1000, durationMs: 500 });
    const output = convert(input, 22050, 8000);
    expect(output.length).toBe(Math.ceil((input.length * 8000) / 22050));
    expect(zeroCrossingHz(output, 8000)).toBeCloseTo(1000, 0);
    expect(rms(output.subarray(200, -200)) / rms(input)).toBeCloseTo(1, 1);
  });

  it('removes a tone above the new Nyquist frequency instead of aliasing it', () => {
    const output = convert(sine({ rate: 22050, hz: 6000, durationMs: 500 }), 22050, 8000);
    expect(rms(output.subarray(200, -200))).toBeLessThan(
      0.01 * rms(sine({ rate: 8000, hz: 1000 })),
    );
  });

  it('gives the same samples whatever the chunk size', () => {
    const input = sine({ rate: 22050, hz: 440, durationMs: 200 });
    expect(Array.from(convert(input, 22050, 16000, 7))).toEqual(
      Array.from(convert(input, 22050, 16000, 1000)),
    );
  });
});
