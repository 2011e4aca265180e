import { ConcurrencyError, DuplicateEventError, type ExpectedVersion } from '../errors/storeErrors';
import type { StoredEvent } from './types';

/** What to do after an atomic batch was refused for holding an already-stored `Nats-Msg-Id`. */
export type DuplicateResolution =
  | { readonly kind: 'already-stored'; readonly version: number }
  | { readonly kind: 'append-rest'; readonly rest: readonly number[] }
  | { readonly kind: 'error'; readonly error: ConcurrencyError | DuplicateEventError };

/**
 * Decides from the subject's events after the expected version (all of them for
 * `'any'`) why a batch held a duplicate id:
 * - every id is there: the append is a retry of one that succeeded, so report success;
 * - none is there: an id is used on another subject or before the expected version (a bug);
 * - some are there: with an expected version the subject moved on (concurrency);
 *   with `'any'` store the rest (the indexes returned), as single publishes would.
 */
export const resolveDuplicates = <TEvent>(
  subject: string,
  ids: readonly string[],
  expectedVersion: ExpectedVersion,
  storedAfter: readonly StoredEvent<TEvent>[],
  eventId: (event: TEvent) => string,
): DuplicateResolution => {
  const sequenceById = new Map(storedAfter.map((s) => [eventId(s.event), s.sequence]));
  const found = ids.map((id) => sequenceById.get(id));
  const present = found.filter((seq): seq is number => seq !== undefined);
  if (present.length === ids.length)
    return { kind: 'already-stored', version: Math.max(...present) };
  if (present.length === 0) return { kind: 'error', error: new DuplicateEventError(subject, ids) };
  if (expectedVersion !== 'any') {
    const actual = storedAfter.at(-1)?.sequence;
    return { kind: 'error', error: new ConcurrencyError(subject, expectedVersion, actual) };
  }
  const rest = found.flatMap((seq, index) => (seq === undefined ? [index] : []));
  return { kind: 'append-rest', rest };
};
