/**
 * Sums frames sample by sample into a new frame, clamping to the int16 range
 * instead of wrapping (a loud caller over a loud agent clips, it does not
 * turn into a burst of noise).
 */
export const saturatingMix = (length: number, sources: readonly Int16Array[]): Int16Array => {
  const out = new Int16Array(length);
  if (sources.length === 0) return out;
  if (sources.length === 1) {
    out.set(sources[0]!);
    return out;
  }
  for (let i = 0; i < length; i++) {
    let sum = 0;
    for (const source of sources) sum += source[i]!;
    out[i] = sum > 32767 ? 32767 : sum < -32768 ? -32768 : sum;
  }
  return out;
};
