import { randomUUID } from 'node:crypto';
import { pcmFromBytes, pcmToBytes, sine, toneLevel } from '@warmline/audio';
import type { ActiveCall } from '../call/activeCall';
import type { WarmlineClient } from '../client/warmlineClient';
import type { SandboxOptions } from '../config/clientOptions';
import { CallCommandError, WrongStateError } from '../errors/callErrors';
import { AuthenticationError } from '../errors/warmlineError';
import { events } from '../events/eventNames';
import { eventually, settle } from '../testing/fixtures';
import {
  REAL_API_KEY,
  type RealCallControl,
  startRealCallControl,
} from '../testing/realCallControl';
import { testClient } from '../testing/testClient';

let cc: RealCallControl;
const clients: WarmlineClient[] = [];

beforeAll(async () => {
  cc = await startRealCallControl();
});
afterEach(async () => {
  // Clients left ready would compete for the next test's calls (competing consumers).
  await Promise.all(clients.splice(0).map((client) => client.close()));
});
afterAll(async () => {
  await cc.stop();
});

const newCallId = () => `call-${randomUUID()}`;

/** A ready SDK client and the calls it receives. */
async function sdkClient(patch: Partial<SandboxOptions> = {}) {
  const client = testClient(cc.address, {
    apiKey: REAL_API_KEY,
    connectorIds: ['connector-1'],
    ...patch,
  });
  clients.push(client);
  const calls: ActiveCall[] = [];
  client.on(events.INCOMING_CALL, (call) => void calls.push(call));
  await client.ready();
  await settle(200); // the platform takes a moment to start delivering after ready
  return { client, calls };
}

async function incoming(calls: ActiveCall[], callId: string): Promise<ActiveCall> {
  return eventually(() => calls.find((call) => call.callId === callId), `call ${callId}`);
}

describe('the SDK against the real call-control', () => {
  it('answers, streams audio both ways, connects, closes; the events are as expected', async () => {
    const { calls } = await sdkClient({ sampleRate: 24000 });
    const callId = newCallId();
    await cc.gateway.startCall(callId, 'connector-1');
    const call = await incoming(calls, callId);
    expect(call).toMatchObject({
      state: 'PENDING',
      callerNumber: '+6590000001',
      connectorId: 'connector-1',
    });
    const seen: string[] = [];
    for (const name of [
      events.CALL_ANSWERED,
      events.CALL_RINGING,
      events.CALL_CONNECTED,
      events.CALL_MODE_CHANGED,
      events.CALL_TERMINATED,
    ]) {
      call.on(name, (_c: ActiveCall) => void seen.push(name));
    }

    await call.answer();
    expect(call.state).toBe('ANSWERED');

    // Caller audio: a 440 Hz tone at 16 kHz on the bus arrives at the client's 24 kHz.
    const received: Uint8Array[] = [];
    const reading = (async () => {
      for await (const chunk of call.audioStream()) received.push(chunk);
    })();
    await settle(200);
    cc.gateway.sendCallerAudio(callId, sine({ rate: 16_000, hz: 440, durationMs: 400 }));
    const heard = await eventually(() => {
      const samples = pcmFromBytes(Buffer.concat(received));
      return samples.length >= 24_000 * 0.35 ? samples : undefined;
    }, 'caller audio');
    expect(toneLevel(heard.subarray(480), 24_000, 440)).toBeGreaterThan(0.4);

    // Agent audio: 300 ms of 1 kHz at 24 kHz leaves as paced 16 kHz frames.
    const capture = cc.gateway.captureAgentAudio(callId);
    await call.sendAudio(pcmToBytes(sine({ rate: 24_000, hz: 1_000, durationMs: 300 })));
    const frames = await eventually(
      () => (capture.frames.length >= 15 ? capture.frames : undefined),
      'agent frames',
    );
    const sent = pcmFromBytes(Buffer.concat(frames.map((frame) => frame.pcm)));
    expect(toneLevel(sent.subarray(160), 16_000, 1_000)).toBeGreaterThan(0.4);
    await eventually(
      () => (call.getSendAudioBufferSize() === 0 ? true : undefined),
      'send buffer drained',
    );
    capture.stop();

    // A clear is acknowledged by the platform (bytes dropped locally + there).
    await expect(call.clearSendAudioBuffer()).resolves.toBeGreaterThanOrEqual(0);

    await call.connect({ ringTimeSeconds: 30, handoffData: { contextId: 'ctx-1' } });
    expect(call).toMatchObject({ state: 'CONNECTED', mode: 'BARGE' });
    await expect(call.answer()).rejects.toBeInstanceOf(WrongStateError);
    await call.whisper();
    expect(call.mode).toBe('WHISPER');
    await call.close();
    expect(call).toMatchObject({ state: 'DISCONNECTED', terminationReason: 'AGENT_LEFT' });
    await reading; // the audio stream ends with the call

    await eventually(
      () => (seen.includes(events.CALL_MODE_CHANGED) ? true : undefined),
      'mode event',
    );
    await settle(300);
    expect(seen).toEqual([
      events.CALL_ANSWERED,
      events.CALL_RINGING,
      events.CALL_CONNECTED,
      events.CALL_MODE_CHANGED,
      events.CALL_TERMINATED,
    ]);
    expect(cc.gateway.actions.filter((a) => a.callId === callId).map((a) => a.action)).toEqual(
      expect.arrayContaining(['answer', 'placeCallee', 'setMixMode', 'removeAgent']),
    );
  });

  it('connect unanswered: CallCommandError CALL_UNANSWERED and the call stays ANSWERED', async () => {
    const { calls } = await sdkClient();
    const callId = newCallId();
    await cc.gateway.startCall(callId, 'connector-1');
    const call = await incoming(calls, callId);
    await call.answer();
    cc.gateway.callee = 'noAnswer';
    try {
      const failed: string[] = [];
      call.on(events.CALL_CONNECT_FAILED, (_c, detail) => void failed.push(detail.errorCode));
      const error = await call.connect({ ringTimeSeconds: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CallCommandError);
      expect(error).toMatchObject({ errorCode: 'CALL_UNANSWERED', command: 'connect' });
      expect(call.state).toBe('ANSWERED');
      await eventually(() => (failed.length > 0 ? true : undefined), 'the connect_failed event');
      expect(failed).toEqual(['CALL_UNANSWERED']);
    } finally {
      cc.gateway.callee = 'answer';
    }
    await call.disconnect();
    expect(call.terminationReason).toBe('DISCONNECTED');
  });

  it('two SDK clients on one connector split 20 calls, none delivered twice', async () => {
    const first = await sdkClient({ connectorIds: ['connector-2'] });
    const second = await sdkClient({ connectorIds: ['connector-2'] });
    const callIds = Array.from({ length: 20 }, newCallId);
    for (const callId of callIds) await cc.gateway.startCall(callId, 'connector-2');
    const all = () => [...first.calls, ...second.calls].map((call) => call.callId);
    await eventually(() => (all().length >= 20 ? true : undefined), '20 calls', 20_000);
    await settle(500);
    expect(all()).toHaveLength(20);
    expect(new Set(all())).toEqual(new Set(callIds));
    expect(first.calls.length).toBeGreaterThan(0);
    expect(second.calls.length).toBeGreaterThan(0);
  });

  it('the caller hanging up ends the call, the audio stream and the send buffer', async () => {
    const { calls } = await sdkClient();
    const callId = newCallId();
    await cc.gateway.startCall(callId, 'connector-1');
    const call = await incoming(calls, callId);
    await call.answer();
    const reasons: string[] = [];
    call.on(events.CALL_TERMINATED, (_c, detail) => void reasons.push(detail.reason));
    const reading = (async () => {
      for await (const _chunk of call.audioStream()) {
        /* until the end */
      }
      return 'ended';
    })();
    await cc.gateway.hangUp(callId);
    await expect(reading).resolves.toBe('ended');
    await eventually(() => (reasons.length > 0 ? true : undefined), 'terminated');
    expect(reasons).toEqual(['CALLER_HUNG_UP']);
  });

  it('a bad API key is an AuthenticationError', async () => {
    const client = testClient(cc.address, { apiKey: 'not-a-key', connectorIds: ['connector-1'] });
    clients.push(client);
    await expect(client.connect()).rejects.toBeInstanceOf(AuthenticationError);
  });
});
