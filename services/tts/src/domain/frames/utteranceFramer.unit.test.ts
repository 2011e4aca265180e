import { UtteranceFramer } from './utteranceFramer';

const ramp = (length: number, from = 1): Int16Array =>
  Int16Array.from({ length }, (_, i) => from + i);

describe('UtteranceFramer', () => {
  it('numbers exact 20 ms frames and marks only the last one, whatever the chunk sizes', () => {
    const framer = new UtteranceFramer(8000);
    const frames = [
      ...framer.push(ramp(100)),
      ...framer.push(ramp(300, 101)),
      ...framer.push(ramp(7, 401)),
      ...framer.finish(),
    ];
    expect(frames.map((f) => f.pcm.length)).toEqual([160, 160, 160]);
    expect(frames.map((f) => [f.sequence, f.timestampMs, f.last])).toEqual([
      [0, 0, false],
      [1, 20, false],
      [2, 40, true],
    ]);
    const samples = frames.flatMap((f) => Array.from(f.pcm));
    expect(samples.slice(0, 407)).toEqual(Array.from(ramp(407)));
    expect(samples.slice(407).every((s) => s === 0)).toBe(true); // silence padding
  });

  it('marks a held frame as last when the audio ends exactly on a frame boundary', () => {
    const framer = new UtteranceFramer(16000);
    expect(framer.push(ramp(640))).toHaveLength(1);
    const rest = framer.finish();
    expect(rest.map((f) => [f.sequence, f.last])).toEqual([[1, true]]);
  });

  it('ends an utterance without audio with one silent frame', () => {
    const [only, ...none] = new UtteranceFramer(24000).finish();
    expect(none).toEqual([]);
    expect(only?.pcm).toHaveLength(480);
    expect(only?.last).toBe(true);
  });
});
