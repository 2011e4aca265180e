import type { SourceEvent, SourceStream } from './index';
import { applyEvent } from './applyEvent';
import { hasApplied, MAX_EVENT_IDS_PER_STREAM, NO_EVENT_IDS, withApplied } from './eventIds';
import {
  FOLD_OPTIONS,
  foldDoc,
  interleaveByStream,
  positioned,
  type Positioned,
} from '../test/fold.test';
import { allEvents, realisticCall } from '../test/realisticCall.test';

const T0 = new Date('2029-06-01T10:00:00Z');
const events = positioned(allEvents(realisticCall('call-ids', T0)));
const live = foldDoc(events);

const caseOf = (source: SourceEvent): string | undefined => source.event.payload?.$case;

/** The `nth` (0-based) stored event of this stream and payload case. */
const pick = (stream: SourceStream, $case: string, nth = 0): Positioned => {
  const found = events.filter((e) => e.source.stream === stream && caseOf(e.source) === $case)[nth];
  if (!found) throw new Error(`fixture has no ${stream} ${$case} #${nth}`);
  return found;
};

const lastPosition = (stream: SourceStream): number =>
  Math.max(...events.filter((e) => e.source.stream === stream).map((e) => e.position));

/** The same event (same id), as a retrying producer stores it: later, with a new occurred_at. */
const retried = (original: SourceEvent, delayMs: number): SourceEvent =>
  ({
    ...original,
    event: {
      ...original.event,
      occurredAt: new Date((original.event.occurredAt ?? T0).getTime() + delayMs),
    },
  }) as SourceEvent;

/** Folds the retry after the whole call, at the next free position of its stream. */
const foldRetryAtEnd = (original: Positioned) => {
  const position = lastPosition(original.source.stream) + 1;
  const result = applyEvent(live, retried(original.source, 60_000), position, FOLD_OPTIONS);
  if (result.kind !== 'changed') throw new Error(`expected a position move, got ${result.reason}`);
  return { doc: result.doc, position };
};

describe('applyEvent folds each event id once', () => {
  it.each([
    ['call', 'connectRinging', (d: typeof live) => d.timeline.length],
    ['call', 'terminated', (d: typeof live) => d.timeline.map((t) => t.kind)],
    ['conversation', 'transcribed', (d: typeof live) => d.turns.map((t) => t.turnId)],
    ['conversation', 'replied', (d: typeof live) => d.turns.map((t) => [t.turnId, t.text])],
    ['conversation', 'speechPlayed', (d: typeof live) => d.turns.map((t) => t.playback)],
    ['conversation', 'escalationRequested', (d: typeof live) => d.request],
    ['escalation', 'stepEntered', (d: typeof live) => d.saga?.steps],
    ['escalation', 'finished', (d: typeof live) => [d.outcome, d.saga?.finishedAt]],
  ] as const)(
    '%s %s stored again: only the position moves (nothing added, no time moved)',
    (stream, $case, visible) => {
      const { doc, position } = foldRetryAtEnd(pick(stream, $case));
      expect(visible(doc)).toEqual(visible(live));
      expect(doc).toEqual({ ...live, positions: { ...live.positions, [stream]: position } });
      expect(JSON.stringify({ ...doc, positions: live.positions })).toBe(JSON.stringify(live));
    },
  );

  it('escalation request stored again keeps request.at, escalatedAt, lastEventAt and expireAt', () => {
    const { doc } = foldRetryAtEnd(pick('conversation', 'escalationRequested'));
    expect(doc.request?.at).toEqual(live.request?.at);
    expect(doc.request?.firstAt).toEqual(live.request?.firstAt);
    expect(doc.escalatedAt).toEqual(live.escalatedAt);
    expect(doc.lastEventAt).toEqual(live.lastEventAt);
    expect(doc.expireAt).toEqual(live.expireAt);
    const requests = (d: typeof live) =>
      d.timeline.filter((t) => t.kind === 'conversation.escalation-requested');
    expect(requests(live)).toHaveLength(1);
    expect(requests(doc)).toEqual(requests(live));
  });

  it('a retry stored between the original and later events: the rebuild equals the clean fold', () => {
    const original = pick('conversation', 'transcribed', 1);
    const at = events.indexOf(original);
    const withRetry = [
      ...events.slice(0, at + 1),
      { source: retried(original.source, 500), position: original.position + 1 },
      ...events.slice(at + 1),
    ];
    const rebuilt = foldDoc(withRetry);
    expect(rebuilt).toEqual(live);
    expect(JSON.stringify(foldDoc(interleaveByStream(withRetry)))).toBe(JSON.stringify(live));
  });

  it('the same id on the same stream with different content is still the same event: ignored', () => {
    const original = pick('escalation', 'finished');
    const changed = {
      ...original.source,
      event: {
        ...original.source.event,
        payload: pick('escalation', 'stepEntered').source.event.payload,
      },
    } as SourceEvent;
    const result = applyEvent(live, changed, lastPosition('escalation') + 1, FOLD_OPTIONS);
    expect(result.kind === 'changed' && result.doc.saga).toEqual(live.saga);
  });

  it('a new event after a retried one is folded as usual', () => {
    const { doc, position } = foldRetryAtEnd(pick('call', 'connectRinging'));
    const fresh = {
      ...pick('call', 'connectRinging').source,
      event: { ...pick('call', 'connectRinging').source.event, eventId: 'call-ids-call-new' },
    } as SourceEvent;
    const result = applyEvent(doc, fresh, position + 1, FOLD_OPTIONS);
    if (result.kind !== 'changed') throw new Error('expected the new event to fold');
    expect(result.doc.timeline).toHaveLength(live.timeline.length + 1);
    expect(result.doc.eventIds.call.at(-1)).toBe('call-ids-call-new');
  });

  it('keeps the ids of the events folded in, per stream, in stream order', () => {
    for (const stream of ['call', 'conversation', 'escalation'] as const) {
      expect(live.eventIds[stream]).toEqual(
        events.filter((e) => e.source.stream === stream).map((e) => e.source.event.eventId),
      );
    }
  });

  it('events without an id are folded each time they come (nothing to recognise them by)', () => {
    const original = pick('call', 'connectRinging');
    const anonymous = {
      ...original.source,
      event: { ...original.source.event, eventId: '' },
    } as SourceEvent;
    const first = applyEvent(live, anonymous, lastPosition('call') + 1, FOLD_OPTIONS);
    if (first.kind !== 'changed') throw new Error('expected a fold');
    expect(first.doc.eventIds).toEqual(live.eventIds);
    expect(first.doc.timeline).toHaveLength(live.timeline.length + 1);
  });
});

describe('eventIds bounds', () => {
  it('keeps the most recent MAX_EVENT_IDS_PER_STREAM ids of a stream, other streams untouched', () => {
    let ids = withApplied(NO_EVENT_IDS, 'escalation', 'e-1');
    for (let i = 0; i < MAX_EVENT_IDS_PER_STREAM + 5; i++) ids = withApplied(ids, 'call', `c-${i}`);
    expect(ids.call).toHaveLength(MAX_EVENT_IDS_PER_STREAM);
    expect(ids.call[0]).toBe('c-5');
    expect(hasApplied(ids, 'call', 'c-4')).toBe(false);
    expect(hasApplied(ids, 'call', `c-${MAX_EVENT_IDS_PER_STREAM + 4}`)).toBe(true);
    expect(ids.escalation).toEqual(['e-1']);
    expect(hasApplied(ids, 'conversation', 'e-1')).toBe(false);
  });

  it('never records or matches an empty id', () => {
    expect(withApplied(NO_EVENT_IDS, 'call', '')).toBe(NO_EVENT_IDS);
    expect(hasApplied({ ...NO_EVENT_IDS, call: [''] }, 'call', '')).toBe(false);
  });
});
