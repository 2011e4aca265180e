import { createEventStore, protoCodec, type Codec } from '@warmline/bus';
import { CallEvent, ContextSaved, streams, subjects } from '@warmline/contracts';
import { waitFor } from '@warmline/testing';
import type { Db } from 'mongodb';
import { conversationScript } from './conversationScript';
import type { StartCallOptions } from './participants';
import { REAL_CONNECTOR, type RealServices } from './realServices';
import { sagaProbe, summaryOf } from './sagaProbe';
import { ofCall } from './world';

/** A context-store document, as MongoDB returns it. */
export type ContextDocument = Record<string, unknown> & { _id: string };

const readSubject = async <T>(
  real: RealServices,
  stream: string,
  codec: Codec<T>,
  subject: string,
) => {
  const store = createEventStore({ bus: real.bus, stream, codec, eventId: () => '' });
  return (await store.read(subject)).events.map((stored) => stored.event);
};

/** `evt.call.<callId>`, as the real call-control wrote it. */
export const callEventsOf = (real: RealServices, callId: string): Promise<CallEvent[]> =>
  readSubject(real, streams.callEvents.name, protoCodec(CallEvent), subjects.callEvents(callId));

/** `evt.context.<callId>`, as the real context-store wrote it. */
export const contextSavedOf = (real: RealServices, callId: string): Promise<ContextSaved[]> =>
  readSubject(
    real,
    streams.contextEvents.name,
    protoCodec(ContextSaved),
    subjects.contextEvents(callId),
  );

/** A call's context document in `db`. */
export const contextDoc = (db: Db, callId: string): Promise<ContextDocument | null> =>
  db.collection<ContextDocument>('contexts').findOne({ _id: callId });

/** Waits until the context of a finished escalation has its outcome (the projection caught up). */
export const finishedContext = (db: Db, callId: string): Promise<ContextDocument> =>
  waitFor(
    async () => {
      const doc = await contextDoc(db, callId);
      return doc?.outcome !== undefined && doc.call !== undefined ? doc : undefined;
    },
    { timeoutMs: 20_000, describe: () => `the context of ${callId} with its outcome` },
  );

/** Starts a built-in call through call-control, waits for the greeting, and asks for a person. */
export const escalate = async (
  real: RealServices,
  callId: string,
  start?: StartCallOptions,
): Promise<void> => {
  const started = await real.gateway.startCall(callId, REAL_CONNECTOR, start);
  if (!started.accepted) throw new Error(`call-control refused the call: ${started.errorMessage}`);
  await waitFor(() => (ofCall(real.tts.requests, callId).length > 0 ? true : undefined), {
    timeoutMs: 20_000,
    describe: () => `the greeting of ${callId}`,
  });
  const script = conversationScript(real.bus);
  await script.transcribed(callId, 2);
  await script.escalationReply(callId);
  await script.escalationRequested(callId);
};

/** Ids the saga gives its effects for a call. */
export const effectIds = (callId: string) => ({
  save: `${callId}:save-context:escalation`,
  greeting: `${callId}:utterance:greeting`,
  transition: `${callId}:utterance:transition`,
});

/** Everything each real service and participant did for one call, to count effects. */
export const effectsOf = async (real: RealServices, callId: string) => {
  const ids = effectIds(callId);
  const events = await callEventsOf(real, callId);
  const saved = await contextSavedOf(real, callId);
  const saga = summaryOf(await sagaProbe(real.bus).events(callId));
  return {
    /** SaveContext requests context-store answered for the call (its ledger). */
    saves: await real.contextStore.db
      .collection<{ _id: string }>('context_saves')
      .countDocuments({ _id: ids.save }),
    contextDocuments: await real.contextStore.db
      .collection<{ _id: string }>('contexts')
      .countDocuments({ _id: callId }),
    contextSaved: saved.map((event) => event.causationId),
    speech: ofCall(real.tts.requests, callId).map((r) => r.utteranceId),
    instructions: real.gateway.actionsFor(callId),
    callEvents: events.map((event) => event.payload?.$case ?? 'none'),
    /** Steps entered and timers scheduled more than once in the saga's stream. */
    repeatedSteps: saga
      .filter((line) => /^(step|timer) /.test(line))
      .filter((line, i, lines) => lines.indexOf(line) !== i),
  };
};

/** What every escalation that ends TRANSFERRED must show: each effect exactly once. */
export const onceEach = (callId: string) => {
  const ids = effectIds(callId);
  return {
    saves: 1,
    contextDocuments: 1,
    contextSaved: [ids.save],
    speech: [ids.greeting, ids.transition],
    // answer; connect → PlaceCalleeLeg (+ the BARGE mix it starts in); close → RemoveAgent
    instructions: ['answer', 'placeCallee', 'setMixMode', 'removeAgent'],
    callEvents: [
      'started',
      'answerRequested',
      'answered',
      'connectRequested',
      'connectRinging',
      'connected',
      'terminated',
    ],
    repeatedSteps: [],
  };
};
