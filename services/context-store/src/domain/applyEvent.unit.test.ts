import { CallState, EscalationOutcome, EscalationReason, Speaker } from '@warmline/contracts';
import { eventsFor } from '../test/events.test';
import { FOLD_OPTIONS, foldAll, foldDoc, interleaveByStream, positioned } from '../test/fold.test';
import { allEvents, CALLER, CARD, realisticCall, SAGA_SUMMARY } from '../test/realisticCall.test';
import { applyEvent } from './applyEvent';
import { NO_REDACTION } from './redaction/redactionPolicy';
import { toCallContext } from './toCallContext';

const T0 = new Date('2029-06-01T10:00:00Z');
const events = positioned(allEvents(realisticCall('call-1', T0)));

describe('applyEvent over a realistic escalated call', () => {
  const doc = foldDoc(events);
  const context = toCallContext(doc);

  it('keeps caller, callee, state, times, reason, saga summary and outcome', () => {
    expect(context).toMatchObject({
      callId: 'call-1',
      callerNumber: CALLER,
      calleeNumber: '+14155550199',
      connectorId: 'acme-support',
      state: CallState.CALL_STATE_DISCONNECTED,
      escalationReason: EscalationReason.ESCALATION_REASON_FRUSTRATION,
      escalationDetail: 'Caller interrupted and asked for a person after a double charge.',
      summary: SAGA_SUMMARY,
      outcome: EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED,
      startedAt: T0,
      endedAt: new Date(T0.getTime() + 31_500),
    });
  });

  it('keeps every turn in order with who, text, timing and what the caller heard', () => {
    expect(context.turns.map((t) => [t.turnId, t.speaker])).toEqual([
      ['t1', Speaker.SPEAKER_CALLER],
      ['a1', Speaker.SPEAKER_AGENT],
      ['t2', Speaker.SPEAKER_CALLER],
      ['a2', Speaker.SPEAKER_AGENT],
      ['t3', Speaker.SPEAKER_CALLER],
      ['utt-transition', Speaker.SPEAKER_AGENT],
    ]);
    expect(context.turns[0]).toMatchObject({
      startMs: 1000,
      endMs: 3900,
      confidence: 0.94,
      at: new Date(T0.getTime() + 4000),
    });
    expect(context.turns[3]).toMatchObject({
      interrupted: true,
      heardText: 'Thank you. I can see order 88231. Refunds for',
    });
    expect(context.turns[3]?.text).toContain('five to seven days');
    expect(context.turns[5]).toMatchObject({
      heardText: 'Let me connect you with a specialist who can help.',
    });
  });

  it('stores no card number and no security code', () => {
    const stored = JSON.stringify(doc);
    expect(stored).not.toContain(CARD);
    expect(stored).not.toContain('4111111111111111');
    expect(context.turns[2]?.text).toBe(
      "It's 88231, and it went on my card [card number redacted], security code [security code redacted].",
    );
  });

  it('records the handoff data the callee leg carried and the timeline in time order', () => {
    expect(doc.call.connect).toMatchObject({
      status: 'connected',
      handoffData: {
        callId: 'call-1',
        contextId: 'call-1',
        reason: 'ESCALATION_REASON_FRUSTRATION',
      },
    });
    const times = doc.timeline.map((t) => t.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(doc.timeline.map((t) => t.kind)).toContain('call.ringing');
    expect(JSON.stringify(doc.timeline)).not.toContain(CALLER);
  });

  it('records the position of every event, including those with nothing to show', () => {
    const last = (stream: string) =>
      Math.max(...events.filter((e) => e.source.stream === stream).map((e) => e.position));
    expect(doc.positions).toEqual({
      call: last('call'),
      conversation: last('conversation'),
      escalation: last('escalation'),
    });
    expect(context.version).toBe(last('call') + last('conversation') + last('escalation'));
  });

  it('gives the same document, key order included, whatever order the streams interleave in', () => {
    const other = foldDoc(interleaveByStream(events));
    expect(other).toEqual(doc);
    expect(JSON.stringify(other)).toBe(JSON.stringify(doc));
  });
});

describe('applyEvent idempotency', () => {
  it('changes nothing when the same event comes again', () => {
    const doc = foldDoc(events);
    for (const { source, position } of events) {
      expect(applyEvent(doc, source, position, FOLD_OPTIONS)).toEqual({
        kind: 'unchanged',
        reason: 'duplicate',
      });
    }
  });

  it('changes nothing when the same event is stored again at a new position', () => {
    const doc = foldDoc(events);
    const conversation = events.filter((e) => e.source.stream === 'conversation');
    const again = conversation.find((e) => e.source.event.payload?.$case === 'escalationRequested');
    if (!again) throw new Error('fixture');
    const position = Math.max(...conversation.map((e) => e.position)) + 1;
    const result = applyEvent(doc, again.source, position, FOLD_OPTIONS);
    const after = result.kind === 'changed' ? result.doc : doc;
    expect({ ...after, positions: doc.positions }).toEqual(doc);
  });

  it('ignores an event older than the position already folded for its stream', () => {
    const doc = foldDoc(events.slice(0, 8));
    const older = events[1];
    if (!older) throw new Error('fixture');
    expect(applyEvent(doc, older.source, older.position, FOLD_OPTIONS).kind).toBe('unchanged');
  });

  it('redelivering every event, in any order, leaves the document as it was', () => {
    const doc = foldDoc(events);
    const again = foldAll([...events].reverse(), FOLD_OPTIONS, doc);
    expect(again).toBe(doc);
  });
});

describe('applyEvent retention and redaction options', () => {
  it('sets expireAt from the last event time, and none when retention is off', () => {
    const doc = foldDoc(events);
    expect(doc.expireAt).toEqual(
      new Date(doc.lastEventAt.getTime() + (FOLD_OPTIONS.retentionMs ?? 0)),
    );
    expect(foldDoc(events, { ...FOLD_OPTIONS, retentionMs: undefined }).expireAt).toBeUndefined();
  });

  it('does not create a context from events already past retention', () => {
    const [first] = events;
    if (!first) throw new Error('fixture');
    const late = { ...FOLD_OPTIONS, nowMs: T0.getTime() + 40 * 24 * 3_600_000 };
    expect(applyEvent(undefined, first.source, first.position, late)).toEqual({
      kind: 'unchanged',
      reason: 'expired',
    });
  });

  it('stores text as spoken when redaction is off', () => {
    const doc = foldDoc(events, { ...FOLD_OPTIONS, redaction: NO_REDACTION });
    expect(doc.turns[2]?.text).toContain(CARD);
  });
});

describe('applyEvent with partial information', () => {
  it('speech start and end events add no turn text (partials are never stored)', () => {
    const e = eventsFor('call-2', T0);
    const doc = foldDoc(
      positioned([
        e.conversation(0, { $case: 'speechStarted', value: { turnId: 't1', atMs: 0 } }),
        e.conversation(500, { $case: 'speechEnded', value: { turnId: 't1', atMs: 500 } }),
      ]),
    );
    expect(doc.turns).toEqual([]);
    expect(doc.positions.conversation).toBe(6);
  });

  it('builds a summary when neither the decision service nor the saga gave one', () => {
    const phases = realisticCall('call-3', T0);
    const context = toCallContext(foldDoc(positioned(phases.conversation)));
    expect(context.summary).toContain('Caller is frustrated.');
    expect(context.summary).toContain('Caller opened with “Hi, I was charged twice');
    expect(context.summary).not.toContain('4111');
  });
});
