import type { EventIds, SourceStream } from './contextDoc';

/** No event folded in yet. */
export const NO_EVENT_IDS: EventIds = { call: [], conversation: [], escalation: [] };

/**
 * How many event ids a document keeps per stream. A call has a few hundred events at most, so in
 * practice every id is kept; the bound only caps a runaway call's document (1000 ids of ~40 bytes
 * is ~40 kB per stream, far below MongoDB's 16 MB). Past it the oldest ids go: a retry comes soon
 * after the original, never hundreds of events later.
 */
export const MAX_EVENT_IDS_PER_STREAM = 1000;

/** Whether the event with this id was already folded in from this stream. */
export const hasApplied = (ids: EventIds, stream: SourceStream, eventId: string): boolean =>
  eventId !== '' && ids[stream].includes(eventId);

/**
 * Records a folded event's id (an event without an id cannot be recognised again, so none is
 * recorded). Ids are kept per stream, in stream order, so the result does not depend on how the
 * streams interleave and a rebuild from the log records the same ids as the live fold.
 */
export const withApplied = (ids: EventIds, stream: SourceStream, eventId: string): EventIds => {
  if (eventId === '') return ids;
  const kept = [...ids[stream], eventId];
  return { ...ids, [stream]: kept.slice(Math.max(0, kept.length - MAX_EVENT_IDS_PER_STREAM)) };
};
