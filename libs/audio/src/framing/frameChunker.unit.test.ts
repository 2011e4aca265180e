import { sine } from '../analysis/sine';
import { AudioFormatError } from '../errors';
import { pcmToBytes } from '../format/pcmBytes';
import { FrameChunker } from './frameChunker';

describe('FrameChunker', () => {
  it('turns chunks of any length into exact 20 ms frames holding the same samples in order', () => {
    const input = sine({ rate: 16000, hz: 300, durationMs: 1234 });
    const chunker = new FrameChunker(16000);
    const frames: Int16Array[] = [];
    for (let i = 0, size = 1; i < input.length; i += size, size = (size * 13 + 5) % 701) {
      frames.push(...chunker.push(input.subarray(i, i + size)));
    }
    expect(frames).toHaveLength(Math.floor(input.length / 320));
    expect(frames.every((f) => f.length === 320)).toBe(true);
    const joined = frames.flatMap((f) => Array.from(f));
    expect(joined).toEqual(Array.from(input.subarray(0, joined.length)));
    expect(chunker.pendingSamples).toBe(input.length % 320);
  });

  it('pads the last frame with silence on flush, then holds nothing', () => {
    const chunker = new FrameChunker(8000);
    expect(chunker.push(new Int16Array(200).fill(1000))).toHaveLength(1);
    const last = chunker.flush()!;
    expect(last).toHaveLength(160);
    expect(Array.from(last.subarray(0, 40))).toEqual(new Array<number>(40).fill(1000));
    expect(last.subarray(40).every((s) => s === 0)).toBe(true);
    expect(chunker.flush()).toBeUndefined();
  });

  it('accepts little-endian bytes split at any even boundary', () => {
    const input = sine({ rate: 24000, hz: 1000, samples: 960 });
    const bytes = pcmToBytes(input);
    const chunker = new FrameChunker(24000);
    const frames = [...chunker.push(bytes.subarray(0, 302)), ...chunker.push(bytes.subarray(302))];
    expect(frames.flatMap((f) => Array.from(f))).toEqual(Array.from(input));
  });

  it('does not alias the caller’s buffer', () => {
    const input = new Int16Array(160).fill(7);
    const [frame] = new FrameChunker(8000).push(input);
    input.fill(0);
    expect(frame![0]).toBe(7);
  });

  it('clear() drops the remainder and says how much', () => {
    const chunker = new FrameChunker(8000);
    chunker.push(new Int16Array(250));
    expect(chunker.clear()).toBe(90);
    expect(chunker.flush()).toBeUndefined();
  });

  it('refuses odd byte counts and unsupported rates with AudioFormatError', () => {
    expect(() => new FrameChunker(8000).push(new Uint8Array(3))).toThrow(AudioFormatError);
    expect(() => new FrameChunker(44100)).toThrow(AudioFormatError);
    expect(() => new FrameChunker(8000, 0.1)).toThrow(AudioFormatError);
  });
});
