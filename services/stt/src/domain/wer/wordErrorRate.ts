import { normalizeWords } from './normalizeWords';

/** The edit counts of one hypothesis against its reference. */
export interface WerCounts {
  readonly substitutions: number;
  readonly deletions: number;
  readonly insertions: number;
  /** Words in the reference (the denominator). */
  readonly referenceWords: number;
}

/** {@link WerCounts} with the rate itself. */
export interface WerResult extends WerCounts {
  /** (S + D + I) / N; may exceed 1 when the hypothesis inserts many words; 0 for two empty texts. */
  readonly wer: number;
}

const rate = (c: WerCounts): number => {
  const errors = c.substitutions + c.deletions + c.insertions;
  if (c.referenceWords === 0) return errors === 0 ? 0 : 1;
  return errors / c.referenceWords;
};

interface Cell {
  readonly cost: number;
  readonly s: number;
  readonly d: number;
  readonly i: number;
}

const better = (a: Cell, b: Cell): Cell => (b.cost < a.cost ? b : a);

/**
 * Word error rate: the word-level Levenshtein alignment of `hypothesis`
 * against `reference` after {@link normalizeWords}, with its substitution,
 * deletion and insertion counts. O(N·M) time, O(M) memory.
 */
export const wordErrorRate = (reference: string, hypothesis: string): WerResult => {
  const ref = normalizeWords(reference);
  const hyp = normalizeWords(hypothesis);
  let previous: Cell[] = hyp.map((_, j) => ({ cost: j + 1, s: 0, d: 0, i: j + 1 }));
  previous.unshift({ cost: 0, s: 0, d: 0, i: 0 });
  for (let r = 1; r <= ref.length; r++) {
    const row: Cell[] = [{ cost: r, s: 0, d: r, i: 0 }];
    for (let h = 1; h <= hyp.length; h++) {
      const diag = previous[h - 1]!;
      const same = ref[r - 1] === hyp[h - 1];
      let cell: Cell = same ? diag : { ...diag, cost: diag.cost + 1, s: diag.s + 1 };
      const up = previous[h]!;
      cell = better(cell, { ...up, cost: up.cost + 1, d: up.d + 1 });
      const left = row[h - 1]!;
      cell = better(cell, { ...left, cost: left.cost + 1, i: left.i + 1 });
      row.push(cell);
    }
    previous = row;
  }
  const last = previous[hyp.length]!;
  const counts = {
    substitutions: last.s,
    deletions: last.d,
    insertions: last.i,
    referenceWords: ref.length,
  };
  return { ...counts, wer: rate(counts) };
};

/** Corpus-level WER: all edits over all reference words (not a mean of per-file rates). */
export const aggregateWer = (results: readonly WerCounts[]): WerResult => {
  const sum = (pick: (c: WerCounts) => number): number =>
    results.reduce((total, c) => total + pick(c), 0);
  const counts = {
    substitutions: sum((c) => c.substitutions),
    deletions: sum((c) => c.deletions),
    insertions: sum((c) => c.insertions),
    referenceWords: sum((c) => c.referenceWords),
  };
  return { ...counts, wer: rate(counts) };
};
