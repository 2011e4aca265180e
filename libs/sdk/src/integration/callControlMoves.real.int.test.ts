import { randomUUID } from 'node:crypto';
import { pcmToBytes, sine } from '@warmline/audio';
import { ActiveCall } from '../call/activeCall';
import type { WarmlineClient } from '../client/warmlineClient';
import { events } from '../events/eventNames';
import { eventually, settle } from '../testing/fixtures';
import {
  REAL_API_KEY,
  type RealCallControl,
  startRealCallControl,
} from '../testing/realCallControl';
import { memoryLogger, testClient } from '../testing/testClient';

let cc: RealCallControl;
const clients: WarmlineClient[] = [];

beforeAll(async () => {
  cc = await startRealCallControl();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});
afterAll(async () => {
  await cc.stop();
});

function newClient(patch: Parameters<typeof testClient>[1] = {}) {
  const client = testClient(cc.address, {
    apiKey: REAL_API_KEY,
    connectorIds: ['connector-1'],
    ...patch,
  });
  clients.push(client);
  return client;
}

async function answeredCall(client: WarmlineClient): Promise<ActiveCall> {
  const calls: ActiveCall[] = [];
  client.on(events.INCOMING_CALL, (call) => void calls.push(call));
  await client.ready();
  await settle(200);
  const callId = `call-${randomUUID()}`;
  await cc.gateway.startCall(callId, 'connector-1');
  const call = await eventually(() => calls.find((c) => c.callId === callId), 'the call');
  await call.answer();
  return call;
}

describe('calls that outlive a connection or a process, against the real call-control', () => {
  it('survives a call-control restart: the session reconnects, re-attaches and the call goes on', async () => {
    const { logger, lines } = memoryLogger();
    const client = newClient({ logger });
    const call = await answeredCall(client);
    const firstSession = client.sessionId;

    await cc.restart();
    await eventually(
      () => (client.sessionId !== firstSession ? true : undefined),
      'a new session',
      20_000,
    );
    expect(
      lines.some((l) => l.level === 'warn' && l.message === 'session lost; reconnecting'),
    ).toBe(true);

    // Media reopens too: agent audio reaches the bus again.
    const capture = cc.gateway.captureAgentAudio(call.callId);
    await eventually(
      async () => {
        await call.sendAudio(pcmToBytes(sine({ rate: 16_000, hz: 1_000, durationMs: 100 })));
        await settle(100);
        return capture.frames.length > 0 ? true : undefined;
      },
      'agent audio after the restart',
      20_000,
    );
    capture.stop();

    const reasons: string[] = [];
    call.on(events.CALL_TERMINATED, (_c, d) => void reasons.push(d.reason));
    await cc.gateway.hangUp(call.callId);
    await eventually(
      () => (reasons.length > 0 ? true : undefined),
      'the end, through the new session',
    );
    expect(reasons).toEqual(['CALLER_HUNG_UP']);
  });

  it('moves a call to another process with toJSON / fromJSON', async () => {
    const first = newClient();
    const call = await answeredCall(first);
    const json = JSON.stringify(call);
    call.detach();

    const second = newClient();
    await second.ready();
    const heard: string[] = [];
    second.on(events.CALL_ANSWERED, () => void heard.push('answered')); // history: must stay silent
    second.on(events.CALL_TERMINATED, (_c, d) => void heard.push(`terminated ${d.reason}`));
    const moved = await ActiveCall.fromJSON(second, json);
    expect(moved).toMatchObject({
      callId: call.callId,
      state: 'ANSWERED',
      callerNumber: call.callerNumber,
    });

    const capture = cc.gateway.captureAgentAudio(call.callId);
    await moved.sendAudio(pcmToBytes(sine({ rate: 16_000, hz: 1_000, durationMs: 200 })));
    await eventually(
      () => (capture.frames.length >= 5 ? true : undefined),
      'agent audio from the second process',
    );
    capture.stop();

    await moved.disconnect();
    expect(moved.state).toBe('DISCONNECTED');
    await eventually(() => (heard.length > 0 ? true : undefined), 'terminated');
    await settle(300);
    expect(heard).toEqual(['terminated DISCONNECTED']);
  });
});
