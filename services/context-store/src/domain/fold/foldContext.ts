import type { ContextDoc, SourceStream, TimelineRecord } from '../contextDoc';
import { SOURCE_STREAMS } from '../contextDoc';

/** What every per-stream fold needs besides the document and the event. */
export interface FoldContext {
  /** The event's `occurred_at` (the document's last event time when the event has none). */
  readonly at: Date;
  /** The event's stream sequence. */
  readonly seq: number;
  /** Applies the redaction policy to text about to be stored. */
  readonly redact: (text: string) => string;
}

const rank = (source: SourceStream): number => SOURCE_STREAMS.indexOf(source);

/** Timeline order: time, then stream, then sequence; a total order, whatever the arrival order. */
const before = (a: TimelineRecord, b: TimelineRecord): boolean =>
  a.at.getTime() !== b.at.getTime()
    ? a.at.getTime() < b.at.getTime()
    : a.source !== b.source
      ? rank(a.source) < rank(b.source)
      : a.seq < b.seq;

/** Adds a timeline line at its place in the order. */
export const addTimeline = (
  doc: ContextDoc,
  ctx: FoldContext,
  source: SourceStream,
  kind: string,
  detail = '',
): ContextDoc => {
  const entry: TimelineRecord = { at: ctx.at, kind, detail, source, seq: ctx.seq };
  const index = doc.timeline.findIndex((other) => before(entry, other));
  const timeline =
    index < 0
      ? [...doc.timeline, entry]
      : [...doc.timeline.slice(0, index), entry, ...doc.timeline.slice(index)];
  return { ...doc, timeline };
};
