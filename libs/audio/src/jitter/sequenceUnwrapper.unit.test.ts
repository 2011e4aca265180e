import { AudioFormatError } from '../errors';
import { SequenceUnwrapper } from './sequenceUnwrapper';

describe('SequenceUnwrapper', () => {
  it('continues across the RTP wrap at 65536', () => {
    const u = new SequenceUnwrapper();
    expect([65534, 65535, 0, 1].map((s) => u.unwrap(s))).toEqual([65534, 65535, 65536, 65537]);
  });

  it('places a slightly late number before the wrap, not a whole cycle ahead', () => {
    const u = new SequenceUnwrapper();
    expect([65535, 1, 0, 65534].map((s) => u.unwrap(s))).toEqual([65535, 65537, 65536, 65534]);
  });

  it('wraps an index back to the sender’s number', () => {
    const u = new SequenceUnwrapper(65536);
    expect(u.wrap(65537)).toBe(1);
    expect(u.wrap(-1)).toBe(65535);
    expect(new SequenceUnwrapper(Infinity).wrap(123456789)).toBe(123456789);
  });

  it('passes counters through unchanged when nothing wraps', () => {
    const u = new SequenceUnwrapper(Infinity);
    expect([5, 100000, 7].map((s) => u.unwrap(s))).toEqual([5, 100000, 7]);
  });

  it('refuses numbers outside the modulus', () => {
    const u = new SequenceUnwrapper();
    expect(() => u.unwrap(65536)).toThrow(AudioFormatError);
    expect(() => u.unwrap(-1)).toThrow(AudioFormatError);
    expect(() => u.unwrap(1.5)).toThrow(AudioFormatError);
  });
});
