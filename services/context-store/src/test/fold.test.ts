/** Folding helpers for unit tests. */
import {
  applyEvent,
  type ContextDoc,
  DEFAULT_REDACTION,
  type FoldOptions,
  type SourceEvent,
  type SourceStream,
} from '../domain';

/** An event with the stream sequence it was stored at. */
export interface Positioned {
  readonly source: SourceEvent;
  readonly position: number;
}

export const FOLD_OPTIONS: FoldOptions = {
  redaction: DEFAULT_REDACTION,
  retentionMs: 30 * 24 * 3_600_000,
  nowMs: Date.parse('2029-06-01T12:00:00Z'),
};

/**
 * Gives each event the sequence it would get appended in this order: one counter per stream,
 * stepping by 3 so that other calls' events could sit in between.
 */
export const positioned = (events: readonly SourceEvent[]): Positioned[] => {
  const next: Record<SourceStream, number> = { call: 0, conversation: 0, escalation: 0 };
  return events.map((source) => {
    next[source.stream] += 3;
    return { source, position: next[source.stream] };
  });
};

/** Folds events in the given order, skipping the ones that change nothing. */
export const foldAll = (
  events: readonly Positioned[],
  options: FoldOptions = FOLD_OPTIONS,
  start?: ContextDoc,
): ContextDoc | undefined =>
  events.reduce<ContextDoc | undefined>((doc, { source, position }) => {
    const result = applyEvent(doc, source, position, options);
    return result.kind === 'changed' ? result.doc : doc;
  }, start);

/** Folds and fails when nothing came out. */
export const foldDoc = (
  events: readonly Positioned[],
  options: FoldOptions = FOLD_OPTIONS,
): ContextDoc => {
  const doc = foldAll(events, options);
  if (!doc) throw new Error('no document');
  return doc;
};

/** A second ordering of the same events: each stream keeps its order, the streams interleave differently. */
export const interleaveByStream = (events: readonly Positioned[]): Positioned[] => {
  const of = (stream: SourceStream) => events.filter((e) => e.source.stream === stream);
  return [...of('escalation'), ...of('conversation'), ...of('call')];
};
