import { SilenceTrimmer } from './silenceTrimmer';

const settings = { keepLeading: 2, keepTrailing: 3, threshold: 10 };
const run = (chunks: number[][]): number[] => {
  const trimmer = new SilenceTrimmer(settings);
  const out: number[] = [];
  for (const chunk of chunks) out.push(...trimmer.push(Int16Array.from(chunk)));
  out.push(...trimmer.end());
  return out;
};

describe('SilenceTrimmer', () => {
  it('keeps only the configured silence before and after the sound', () => {
    expect(run([[0, 0, 0, 0, 0, 50, 60, -70, 0, 0, 0, 0, 0, 0]])).toEqual([
      0, 0, 50, 60, -70, 0, 0, 0,
    ]);
  });

  it('keeps pauses inside the sound, and gives the same result however the stream is cut', () => {
    const stream = [1, 0, 0, 0, 40, 0, 0, 0, 0, 0, 0, 0, 0, -40, 2, 0, 0, 0, 0, 0];
    const whole = run([stream]);
    expect(whole).toEqual([0, 0, 40, 0, 0, 0, 0, 0, 0, 0, 0, -40, 2, 0, 0]);
    expect(run(stream.map((s) => [s]))).toEqual(whole);
    expect(run([stream.slice(0, 7), stream.slice(7, 15), stream.slice(15)])).toEqual(whole);
    expect(run([stream.slice(0, 3), stream.slice(3)])).toEqual(whole); // sound starts early in a chunk
    for (let cut = 1; cut < stream.length; cut++) {
      expect(run([stream.slice(0, cut), stream.slice(cut)])).toEqual(whole);
    }
  });

  it('lets sound out as soon as it arrives, holding back only silence', () => {
    const trimmer = new SilenceTrimmer(settings);
    expect(Array.from(trimmer.push(Int16Array.from([0, 0, 0, 30, 40, 0, 0])))).toEqual([
      0, 0, 30, 40,
    ]);
  });

  it('gives nothing for a segment that is all silence', () => {
    expect(
      run([
        [0, 1, -2, 0],
        [3, 0],
      ]),
    ).toEqual([]);
  });
});
