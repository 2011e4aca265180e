import { randomUUID } from 'node:crypto';
import { type Db, MongoClient } from 'mongodb';
import { type ActiveCall, WarmlineClient, WarmlineClientConfig, events } from '@warmline/sdk';
import { loadCorpusAudio16k, loadManifest } from '@warmline/stt';
import { type FerretDbHandle, startFerretDb, waitFor } from '@warmline/testing';
import { runHumanEscalation } from './app';
import { FliteSynthesizer } from './engines/fliteSynthesizer';
import { PocketsphinxTranscriber } from './engines/pocketsphinxTranscriber';
import { CONTEXTS_COLLECTION, type ContextDocument, MongoContextStore } from './mongoContextStore';
import {
  type CallControlStack,
  TEST_API_KEY,
  TEST_CONNECTOR,
  startCallControlStack,
} from './testSupport/callControlStack';
import { CALLER_NUMBER } from './testSupport/gatewayContractParticipant';
import { profileDecider } from './turnDecider';

let stack: CallControlStack;
let ferret: FerretDbHandle;
let mongo: MongoClient;
let db: Db;
let recognizer: PocketsphinxTranscriber;
let client: WarmlineClient;
const seen = new Map<string, string[]>();

const note = (call: ActiveCall, what: string) =>
  void seen.set(call.callId, [...(seen.get(call.callId) ?? []), what]);

beforeAll(async () => {
  [stack, ferret] = await Promise.all([startCallControlStack(), startFerretDb()]);
  mongo = await MongoClient.connect(ferret.url);
  db = mongo.db('examples');
  recognizer = new PocketsphinxTranscriber({ maxStreams: 1 });
  await recognizer.start();
  client = new WarmlineClient(
    WarmlineClientConfig.sandbox({
      apiKey: TEST_API_KEY,
      address: stack.address,
      connectorIds: [TEST_CONNECTOR],
      sampleRate: 16000,
    }),
  );
  runHumanEscalation({
    client,
    recognizer,
    synthesizer: new FliteSynthesizer({ sampleRate: 16000 }),
    decide: profileDecider(),
    contextStore: new MongoContextStore(db),
  });
  client.on(events.CALL_ANSWERED, (call) => note(call, 'ANSWERED'));
  client.on(events.CALL_CONNECTED, (call) => note(call, 'CONNECTED'));
  client.on(events.CALL_TERMINATED, (call, { reason }) => note(call, `TERMINATED:${reason}`));
  await client.ready();
  await new Promise((resolve) => setTimeout(resolve, 200)); // delivery starts just after ready
});

afterAll(async () => {
  await client?.close();
  await recognizer?.close();
  await mongo?.close();
  await Promise.all([stack?.stop(), ferret?.stop()]);
});

/** A corpus sentence (flite slt, 16 kHz) followed by 1.5 s of silence. */
function callerSays(sentenceId: string): { text: string; samples: Int16Array } {
  const entry = loadManifest().entries.find(
    (e) => e.voice === 'flite-slt' && e.rate === 16000 && e.sentenceId === sentenceId,
  );
  if (!entry) throw new Error(`corpus sentence ${sentenceId} missing`);
  const speech = loadCorpusAudio16k(entry);
  const samples = new Int16Array(speech.length + 24_000);
  samples.set(speech);
  return { text: entry.text, samples };
}

/** Starts a call, waits until the app answered it, then plays the caller's sentence. */
async function callAndSay(sentenceId: string): Promise<{ callId: string; text: string }> {
  const callId = `call-${randomUUID()}`;
  await stack.gateway.startCall(callId, TEST_CONNECTOR);
  await waitFor(() => (seen.get(callId)?.includes('ANSWERED') ? true : undefined), {
    describe: () => `call ${callId} answered`,
  });
  const { text, samples } = callerSays(sentenceId);
  stack.gateway.sendCallerAudio(callId, samples);
  return { callId, text };
}

const terminated = (callId: string) =>
  waitFor(() => seen.get(callId)?.find((s) => s.startsWith('TERMINATED')), {
    timeoutMs: 45_000,
    describe: () => `call ${callId} terminated; saw ${String(seen.get(callId))}`,
  });

describe('the human-escalation example on the real call-control', () => {
  it('escalates a request for a human: context saved, transition line, connect, close', async () => {
    const human = loadManifest().entries.find((e) => e.sentenceId === '01');
    expect(human?.humanRequest).toBe(true);
    const { callId } = await callAndSay('01');

    await terminated(callId);
    expect(seen.get(callId)).toEqual(['ANSWERED', 'CONNECTED', 'TERMINATED:AGENT_LEFT']);
    expect(stack.gateway.actions(callId)).toEqual(
      expect.arrayContaining(['answer', 'placeCallee', 'removeAgent']),
    );

    const contexts = db.collection<ContextDocument>(CONTEXTS_COLLECTION);
    const saved = await contexts.findOne({ _id: callId });
    expect(saved).toMatchObject({ callerNumber: CALLER_NUMBER, reason: 'CALLER_ASKED' });
    const callerTurns = saved?.turns.filter((t) => t.role === 'caller') ?? [];
    expect(callerTurns.length).toBeGreaterThan(0);
    expect(callerTurns[0]?.text).toMatch(/human|person|speak/);
    expect(saved?.turns).toContainEqual({
      role: 'ai',
      text: 'Let me connect you with a specialist who can help.',
    });

    // The transition line was heard (loud agent frames) before call-control placed the callee.
    const ofCall = stack.gateway.timeline.filter((e) => e.callId === callId);
    const placed = ofCall.findIndex((e) => e.kind === 'instruction' && e.action === 'placeCallee');
    const firstLoud = ofCall.findIndex((e) => e.kind === 'agentAudio' && e.loud);
    expect(firstLoud).toBeGreaterThanOrEqual(0);
    expect(firstLoud).toBeLessThan(placed);
  });

  it('answers a question that needs no human, and never connects', async () => {
    const hours = loadManifest().entries.find((e) => e.sentenceId === '18');
    expect(hours?.humanRequest).toBe(false);
    const { callId } = await callAndSay('18');

    // The agent replies (loud agent audio), then the caller hangs up.
    await waitFor(
      () =>
        stack.gateway.timeline.some((e) => e.callId === callId && e.kind === 'agentAudio' && e.loud)
          ? true
          : undefined,
      { timeoutMs: 30_000, describe: () => `a reply on call ${callId}` },
    );
    await stack.gateway.hangUp(callId);

    await terminated(callId);
    expect(seen.get(callId)).toEqual(['ANSWERED', 'TERMINATED:CALLER_HUNG_UP']);
    expect(stack.gateway.actions(callId)).not.toContain('placeCallee');
    const contexts = db.collection<ContextDocument>(CONTEXTS_COLLECTION);
    await expect(contexts.findOne({ _id: callId })).resolves.toBeNull();
  });
});
