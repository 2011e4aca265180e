import {
  CallState,
  ConversationEvent,
  EscalationOutcome,
  EscalationReason,
  PartialTranscript,
  subjects,
} from '@warmline/contracts';
import { protoCodec, publish, publishToStream } from '@warmline/bus';
import { BSON } from 'mongodb';
import { toCallContext } from './domain';
import { startHarness, type Harness } from './test/harness.test';
import { allEvents, CALLER, CARD, realisticCall, SAGA_SUMMARY } from './test/realisticCall.test';

const CALL_ID = 'call-int-1';
let h: Harness;

const settled = async () => {
  await h.app.caughtUp();
  const doc = await h.rawDoc(CALL_ID);
  if (!doc) throw new Error('no context stored');
  return doc;
};

/** Whether the last start of the app followed all three streams from sequence 1. */
const resumedFromStart = () => {
  const starts = h.logLines
    .map((line) => JSON.parse(line) as { msg: string; 'projection.resume_from'?: number })
    .filter((line) => line.msg === 'following stream');
  return starts.slice(-3).every((line) => line['projection.resume_from'] === 1);
};

beforeAll(async () => {
  h = await startHarness();
  await h.append(allEvents(realisticCall(CALL_ID, new Date(Date.now() - 60_000))));
});
afterAll(() => h?.close());

describe('the projection of a realistic call', () => {
  it('produces the expected CallContext', async () => {
    const context = toCallContext(await settled());
    expect(context).toMatchObject({
      callId: CALL_ID,
      callerNumber: CALLER,
      state: CallState.CALL_STATE_DISCONNECTED,
      escalationReason: EscalationReason.ESCALATION_REASON_FRUSTRATION,
      summary: SAGA_SUMMARY,
      outcome: EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED,
    });
    expect(context.turns.map((t) => t.turnId)).toEqual([
      't1',
      'a1',
      't2',
      'a2',
      't3',
      'utt-transition',
    ]);
    expect(context.turns[3]).toMatchObject({
      interrupted: true,
      heardText: 'Thank you. I can see order 88231. Refunds for',
    });
  });

  it('stores text redacted: the raw MongoDB document holds no card number or security code', async () => {
    await settled();
    const raw = await h.db.collection('contexts').findOne({ _id: CALL_ID } as never);
    const dump = BSON.EJSON.stringify(raw);
    expect(dump).not.toContain(CARD);
    expect(dump).not.toMatch(/4111\s?1111/);
    expect(dump).toContain('[card number redacted]');
    expect(dump).toContain('security code [security code redacted]');
  });

  it('never stores a partial transcript, which only travels on core NATS', async () => {
    const partial = {
      callId: CALL_ID,
      turnId: 't9',
      text: 'my card is 5500 0000',
      confidence: 0.3,
    };
    publish(h.bus, subjects.partialTranscript(CALL_ID), protoCodec(PartialTranscript), partial);
    await h.bus.nc.flush();
    const doc = await settled();
    expect(BSON.EJSON.stringify(doc)).not.toContain('5500');
    expect(doc.turns.some((t) => t.turnId === 't9')).toBe(false);
  });

  it('keeps phone numbers and transcripts out of log messages', async () => {
    await settled();
    const messages = h.logLines.map((line) => (JSON.parse(line) as { msg: string }).msg).join('\n');
    expect(messages).not.toContain(CALLER);
    expect(h.logLines.join('\n')).not.toContain('charged twice');
  });

  it('changes nothing when every event is delivered again', async () => {
    const before = await settled();
    await h.restartApp(() =>
      h.db
        .collection('projection_checkpoints')
        .deleteMany({})
        .then(() => undefined),
    );
    const after = await settled();
    expect(resumedFromStart()).toBe(true);
    expect(after).toEqual(before);
    expect(BSON.EJSON.stringify(after)).toBe(BSON.EJSON.stringify(before));
  });

  it('folds an event id once: the same event stored again at a new position moves only the position', async () => {
    const before = await settled();
    const request = realisticCall(CALL_ID, new Date()).conversation.find(
      (e) => e.event.payload?.$case === 'escalationRequested',
    );
    if (request?.stream !== 'conversation') throw new Error('fixture');
    const { event } = request;
    // Same event id as the one already folded, a later occurred_at, and a new message id: what a
    // producer retrying after JetStream's duplicate window stores.
    const ack = await publishToStream(
      h.bus,
      subjects.conversationEvents(CALL_ID),
      protoCodec(ConversationEvent),
      event,
      { msgId: `${event.eventId}#retry` },
    );
    expect(ack.duplicate).toBe(false);
    const after = await settled();
    expect(after.positions).toEqual({ ...before.positions, conversation: ack.seq });
    expect({ ...after, positions: before.positions }).toEqual(before);
    expect(
      after.timeline.filter((t) => t.kind === 'conversation.escalation-requested'),
    ).toHaveLength(1);
  });

  it('rebuilds from the event log (collection dropped, replay from sequence 1) to an equal document', async () => {
    const live = await settled();
    await h.restartApp(async () => {
      await h.db.collection('contexts').drop();
      await h.db.collection('projection_checkpoints').deleteMany({});
    });
    const rebuilt = await settled();
    expect(resumedFromStart()).toBe(true);
    expect(rebuilt).toEqual(live);
    expect(BSON.EJSON.stringify(rebuilt)).toBe(BSON.EJSON.stringify(live));
  });
});
