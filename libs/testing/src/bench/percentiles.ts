/** The p-th percentile (0–100) of `values`, nearest rank; NaN when empty. */
export const percentile = (values: ArrayLike<number>, p: number): number => {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
};

/** Collects numbers up to a cap (later ones are sampled into the reservoir). */
export class Reservoir {
  private readonly values: Float64Array;
  private seen = 0;

  constructor(private readonly capacity = 500_000) {
    this.values = new Float64Array(capacity);
  }

  get count(): number {
    return this.seen;
  }

  add(value: number): void {
    if (this.seen < this.capacity) this.values[this.seen] = value;
    else {
      const slot = Math.floor(Math.random() * (this.seen + 1));
      if (slot < this.capacity) this.values[slot] = value;
    }
    this.seen++;
  }

  /** The values held, then empties. */
  take(): Float64Array {
    const out = this.values.slice(0, Math.min(this.seen, this.capacity));
    this.seen = 0;
    return out;
  }
}
