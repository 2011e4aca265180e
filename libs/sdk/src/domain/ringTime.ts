import { InvalidArgumentError } from '../errors/warmlineError';

/** How long connect() rings the callee unless told otherwise. */
export const DEFAULT_RING_TIME_SECONDS = 60;
/** Shortest ring window. */
export const MIN_RING_TIME_SECONDS = 1;
/** Longest ring window. */
export const MAX_RING_TIME_SECONDS = 120;

/**
 * The ring window connect() asks for: a whole number of seconds from 1 to 120.
 *
 * @throws {@link InvalidArgumentError} otherwise
 */
export function validateRingTimeSeconds(value: number = DEFAULT_RING_TIME_SECONDS): number {
  if (!Number.isInteger(value) || value < MIN_RING_TIME_SECONDS || value > MAX_RING_TIME_SECONDS) {
    throw new InvalidArgumentError(
      'ringTimeSeconds',
      `ringTimeSeconds must be a whole number from ${MIN_RING_TIME_SECONDS} to ${MAX_RING_TIME_SECONDS}; got ${String(value)}`,
    );
  }
  return value;
}
