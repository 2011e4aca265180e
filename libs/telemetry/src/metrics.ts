import type { Counter, Histogram, Meter } from '@opentelemetry/api';

/**
 * A histogram. Pass `bucketBoundaries` when the SDK's default buckets do not
 * fit the range (e.g. per-turn latency in ms: `[1, 2, 5, 10, 20, 50, 100, 250, 500, 1000]`).
 */
export const createHistogram = (
  meter: Meter,
  name: string,
  unit: string,
  description: string,
  bucketBoundaries?: number[],
): Histogram =>
  meter.createHistogram(name, {
    unit,
    description,
    ...(bucketBoundaries ? { advice: { explicitBucketBoundaries: bucketBoundaries } } : {}),
  });

/** A monotonic counter; `unit` in UCUM braces for things counted, e.g. `{call}`. */
export const createCounter = (
  meter: Meter,
  name: string,
  unit: string,
  description: string,
): Counter => meter.createCounter(name, { unit, description });
