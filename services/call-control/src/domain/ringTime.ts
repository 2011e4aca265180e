/** The ring window connect() uses when the command asks for 0 (proto3's "not set"). */
export const DEFAULT_RING_TIME_SECONDS = 60;
/** Shortest ring window connect() accepts. */
export const MIN_RING_TIME_SECONDS = 1;
/** Longest ring window connect() accepts. */
export const MAX_RING_TIME_SECONDS = 120;

/** A valid ring time, or why the requested one is not. */
export type RingTimeResolution =
  | { readonly ok: true; readonly seconds: number }
  | { readonly ok: false; readonly message: string };

/** Applies the default (0 → 60) and checks the range 1..120 whole seconds. */
export function resolveRingTimeSeconds(requested: number): RingTimeResolution {
  if (requested === 0) return { ok: true, seconds: DEFAULT_RING_TIME_SECONDS };
  if (
    !Number.isInteger(requested) ||
    requested < MIN_RING_TIME_SECONDS ||
    requested > MAX_RING_TIME_SECONDS
  ) {
    return {
      ok: false,
      message: `ringTimeSeconds must be a whole number from ${MIN_RING_TIME_SECONDS} to ${MAX_RING_TIME_SECONDS} (0 means ${DEFAULT_RING_TIME_SECONDS}); got ${requested}`,
    };
  }
  return { ok: true, seconds: requested };
}
