/** The p-th percentile (0..100) of `values`, nearest-rank; NaN when empty. */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
};

/** A number with `digits` decimals, right-aligned in `width` characters. */
export const cell = (value: number, digits: number, width: number): string =>
  value.toFixed(digits).padStart(width);
