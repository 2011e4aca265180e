import { createEventStore, KeyedQueue, protoCodec, request } from '@warmline/bus';
import {
  ContextSaved,
  EscalationReason,
  SaveContextRequest,
  SaveContextResponse,
  streams,
  subjects,
} from '@warmline/contracts';
import { createLogger } from '@warmline/telemetry';
import { DEFAULT_REDACTION, versionOf } from '../../domain';
import { handleSaveContext } from '../../handlers/handleSaveContext';
import { createEscalationFeed } from '../../live/escalationFeed';
import { startHarness, type Harness } from '../../test/harness.test';
import { realisticCall } from '../../test/realisticCall.test';
import { contextCollections } from '../mongo/collections';
import { mongoContextRepository } from '../mongo/mongoContextRepository';
import { mongoSaveLedger } from '../mongo/mongoSaveLedger';
import { contextSavedPublisher } from './serveSaveContext';
import { sourceStreamReaders } from './sourceStreams';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const ask = (callId: string, requestId: string) =>
  request(
    h.bus,
    subjects.saveContext,
    protoCodec(SaveContextRequest),
    SaveContextRequest.fromPartial({
      requestId,
      callId,
      reason: EscalationReason.ESCALATION_REASON_FRUSTRATION,
    }),
    protoCodec(SaveContextResponse),
    { timeoutMs: 10_000 },
  );

const savedEvents = async (callId: string) => {
  const store = createEventStore({
    bus: h.bus,
    stream: streams.contextEvents.name,
    codec: protoCodec(ContextSaved),
    eventId: (e) => e.eventId,
  });
  return (await store.read(subjects.contextEvents(callId))).events.map((stored) => stored.event);
};

const lastSequences = async (callId: string) => ({
  call: (
    await h.bus.jsm.streams.getMessage(streams.callEvents.name, {
      last_by_subj: subjects.callEvents(callId),
    })
  )?.seq,
  conversation: (
    await h.bus.jsm.streams.getMessage(streams.conversationEvents.name, {
      last_by_subj: subjects.conversationEvents(callId),
    })
  )?.seq,
  escalation: (
    await h.bus.jsm.streams.getMessage(streams.escalationEvents.name, {
      last_by_subj: subjects.escalationEvents(callId),
    })
  )?.seq,
});

describe('SaveContext over NATS request/reply', () => {
  it('answers once the context holds every event the call has so far, and publishes ContextSaved once when asked twice', async () => {
    const callId = 'call-save-1';
    const phases = realisticCall(callId, new Date());
    await h.append([...phases.conversation, ...phases.handoff]);

    const first = await ask(callId, `${callId}:save-context:escalation`);
    const doc = await h.rawDoc(callId);
    expect(first).toEqual({ ok: true, contextId: callId, errorCode: '', errorMessage: '' });
    expect(doc?.positions).toEqual(await lastSequences(callId));

    const second = await ask(callId, `${callId}:save-context:escalation`);
    expect(second).toEqual(first);
    const saved = await savedEvents(callId);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      eventId: `context-saved:${callId}:save-context:escalation`,
      callId,
      contextId: callId,
      version: versionOf(doc?.positions ?? { call: 0, conversation: 0, escalation: 0 }),
      causationId: `${callId}:save-context:escalation`,
    });
  });

  it('publishes one ContextSaved per distinct request', async () => {
    const callId = 'call-save-2';
    await h.append(realisticCall(callId, new Date()).conversation);
    await ask(callId, 'r-escalation');
    await ask(callId, 'r-final');
    await ask(callId, 'r-final');
    expect((await savedEvents(callId)).map((e) => e.causationId)).toEqual([
      'r-escalation',
      'r-final',
    ]);
  });

  it('answers CALL_NOT_FOUND for a call with no events and INVALID_ARGUMENT for a bad id', async () => {
    expect(await ask('call-unknown', 'r1')).toMatchObject({
      ok: false,
      errorCode: 'CALL_NOT_FOUND',
    });
    expect(await ask('bad.id', 'r2')).toMatchObject({ ok: false, errorCode: 'INVALID_ARGUMENT' });
  });
});

describe('handleSaveContext catch-up', () => {
  it('folds the call’s events itself when no follower has projected them', async () => {
    const callId = 'call-save-3';
    await h.append(realisticCall(callId, new Date()).conversation);
    // A database no follower writes to: only the catch-up can fill it.
    const collections = contextCollections(h.db.client.db(`${h.config.databaseName}_alone`));
    const repository = mongoContextRepository(collections);
    const log = createLogger({ service: 'test', level: 'silent' });
    const readers = sourceStreamReaders(h.bus);
    const response = await handleSaveContext(
      {
        projection: {
          repository,
          feed: createEscalationFeed(() => undefined),
          queue: new KeyedQueue(),
          redaction: DEFAULT_REDACTION,
          retentionMs: undefined,
          clock: Date.now,
          log,
        },
        events: { read: (stream, id, after) => readers[stream].readCall(id, after) },
        ledger: mongoSaveLedger(collections),
        publishSaved: contextSavedPublisher(h.bus),
        timeoutMs: 5_000,
        log,
      },
      SaveContextRequest.fromPartial({ requestId: 'alone-1', callId }),
    );
    expect(response.ok).toBe(true);
    const doc = await repository.load(callId);
    expect(doc?.positions).toEqual({ ...(await lastSequences(callId)), escalation: 0 });
    expect(doc?.turns).toHaveLength(5);
  });
});
