import { sine } from '@warmline/audio';
import { envelopeMatch } from './envelopeMatch';

const RATE = 8000;
const silence = (ms: number) => new Int16Array((RATE * ms) / 1000);
const tone = (ms: number, hz = 300) => sine({ rate: RATE, hz, durationMs: ms });
const join = (...parts: Int16Array[]) => {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
/** A "line": bursts and pauses in a fixed rhythm. */
const line = join(
  tone(200),
  silence(100),
  tone(400),
  silence(300),
  tone(150),
  silence(80),
  tone(300),
);
const other = join(tone(500), silence(50), tone(100), silence(400), tone(600));

describe('envelopeMatch', () => {
  it('finds the line inside longer audio, quieter and after other sound', () => {
    const quieter = line.map((s) => Math.round(s / 4));
    const heard = join(silence(730), other, silence(500), Int16Array.from(quieter), silence(900));
    expect(envelopeMatch(heard, line, RATE)).toBeGreaterThan(0.95);
  });

  it('scores a different line, silence and a cut-off line low', () => {
    expect(envelopeMatch(join(silence(300), other, silence(800)), line, RATE)).toBeLessThan(0.7);
    expect(envelopeMatch(silence(3000), line, RATE)).toBe(0);
    expect(envelopeMatch(line.slice(0, line.length / 2), line, RATE)).toBe(0);
  });
});
