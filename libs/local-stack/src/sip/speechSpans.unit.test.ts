import { speechMsOf, speechSpans } from './speechSpans';

const tone = (ms: number, rate = 8000) =>
  Int16Array.from({ length: (ms * rate) / 1000 }, (_, i) =>
    Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)),
  );
const quiet = (ms: number, rate = 8000) => new Int16Array((ms * rate) / 1000);
const join = (...parts: Int16Array[]) => {
  const all = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
};

describe('speechSpans', () => {
  it('finds each loud stretch, joining short pauses', () => {
    const spans = speechSpans(
      join(quiet(1000), tone(500), quiet(200), tone(300), quiet(2000), tone(400)),
      8000,
    );
    expect(spans).toEqual([
      { startMs: 1000, endMs: 2000 },
      { startMs: 4000, endMs: 4400 },
    ]);
    expect(speechMsOf(spans)).toBe(1400);
  });

  it('finds nothing in silence', () => {
    expect(speechSpans(quiet(3000), 8000)).toEqual([]);
  });
});
