/**
 * Estimates the frequency of a dominant tone from its zero crossings
 * (negative-to-positive), interpolating the crossing instants between samples.
 * Returns 0 when fewer than two crossings are found.
 */
export const zeroCrossingHz = (samples: Int16Array, rate: number): number => {
  let first: number | undefined;
  let last = 0;
  let cycles = -1;
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    if (a < 0 && b >= 0) {
      const at = i - 1 + a / (a - b);
      first ??= at;
      last = at;
      cycles++;
    }
  }
  if (first === undefined || cycles < 1) return 0;
  return (cycles * rate) / (last - first);
};
