/** 10 ms frames. */
const HOP_MS = 10;

/** The loudness envelope of PCM16 at `rate`: dB per 10 ms frame, floored at -60 dBFS. */
export function envelope(pcm: Int16Array, rate: number): Float64Array {
  const hop = (rate * HOP_MS) / 1000;
  const out = new Float64Array(Math.floor(pcm.length / hop));
  for (let f = 0; f < out.length; f += 1) {
    let sum = 0;
    for (let i = f * hop; i < (f + 1) * hop; i += 1) sum += (pcm[i]! / 32768) ** 2;
    out[f] = Math.max(-60, 10 * Math.log10(sum / hop + 1e-12));
  }
  return out;
}

const correlation = (a: Float64Array, b: Float64Array, offset: number): number => {
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < b.length; i += 1) {
    sa += a[offset + i]!;
    sb += b[i]!;
  }
  const ma = sa / b.length;
  const mb = sb / b.length;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < b.length; i += 1) {
    const da = a[offset + i]! - ma;
    const db = b[i]! - mb;
    cov += da * db;
    va += da * da;
    vb += db * db;
  }
  return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : 0;
};

/**
 * How well `expected` (a line the agent says) appears somewhere in `heard` (what the caller
 * heard), both PCM16 at `rate`: the best Pearson correlation of their loudness envelopes over all
 * alignments, -1..1 (0 when `heard` is shorter than `expected`). Robust to the codec and level;
 * a different line, silence or a cut-off line scores low.
 */
export function envelopeMatch(heard: Int16Array, expected: Int16Array, rate: number): number {
  const h = envelope(heard, rate);
  const e = envelope(expected, rate);
  let best = 0;
  for (let offset = 0; offset + e.length <= h.length; offset += 1)
    best = Math.max(best, correlation(h, e, offset));
  return best;
}
