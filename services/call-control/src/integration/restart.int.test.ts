import { type Bus, connectBus } from '@warmline/bus';
import { CallState } from '@warmline/contracts';
import { type NatsServerHandle, startNatsServer, waitFor } from '@warmline/testing';
import { localStreams, localSubjects } from '../adapters/nats/localTopology';
import { eventsUntil, kinds, storedEvents } from '../testSupport/callEvents';
import {
  type CallControlProcess,
  killHard,
  startCallControlProcess,
} from '../testSupport/callControlProcess';
import { FakeGateway } from '../testSupport/fakeGateway';
import { newCallId, ready } from '../testSupport/sdkCall';
import { SdkTestClient, incomingCallsOf } from '../testSupport/sdkTestClient';
import { TEST_API_KEY } from '../testSupport/testConfig';

let server: NatsServerHandle;
let bus: Bus;
let gateway: FakeGateway;
let running: CallControlProcess | undefined;
const clients: SdkTestClient[] = [];

const clientOf = (process: CallControlProcess) => {
  const client = new SdkTestClient(process.address, TEST_API_KEY);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  server = await startNatsServer();
  bus = await connectBus({ servers: server.url, name: 'test-gateway' });
  gateway = await FakeGateway.start(bus);
});

afterAll(async () => {
  for (const client of clients) client.close();
  await running?.proc.stop();
  await gateway.stop();
  await bus.close();
  await server.stop();
});

describe('killing the call-control process mid-call and restarting it', () => {
  it('after answer: no state is lost and the call carries on', async () => {
    running = await startCallControlProcess(server.url);
    const before = clientOf(running);
    const session = before.openSession(['connector-1']);
    await ready(session);
    const callId = newCallId();
    await gateway.startCall(callId);
    await waitFor(() => (incomingCallsOf(session).length === 1 ? true : undefined));
    expect(await before.command(callId, { $case: 'answer', value: {} })).toMatchObject({
      ok: true,
    });
    const stored = await storedEvents(bus, callId);

    await killHard(running);
    running = await startCallControlProcess(server.url);
    const after = clientOf(running);
    const snapshot = await after.getCall(callId);
    expect(snapshot).toMatchObject({ callId, state: CallState.CALL_STATE_ANSWERED });
    expect(await storedEvents(bus, callId)).toEqual(stored);

    const connect = { ringTimeSeconds: 10, handoffData: {} };
    expect(await after.command(callId, { $case: 'connect', value: connect })).toMatchObject({
      ok: true,
      state: CallState.CALL_STATE_CONNECTED,
    });
    expect(await after.command(callId, { $case: 'close', value: {} })).toMatchObject({ ok: true });
    expect(kinds(await eventsUntil(bus, callId, 'terminated'))).toEqual([
      'started',
      'answerRequested',
      'answered',
      'connectRequested',
      'connectRinging',
      'connected',
      'terminated',
    ]);
  });

  it('during ringing: the ring timer still fires, CALL_UNANSWERED, and the call stays ANSWERED', async () => {
    running ??= await startCallControlProcess(server.url);
    const client = clientOf(running);
    const callId = newCallId();
    await gateway.startCall(callId);
    await client.command(callId, { $case: 'answer', value: {} });
    gateway.behave({ callee: 'noAnswer' }, callId);
    // The connect waits for its outcome; the process dies while the callee rings.
    const pending = client
      .command(callId, { $case: 'connect', value: { ringTimeSeconds: 2, handoffData: {} } })
      .catch((error: unknown) => error);
    await waitFor(() => (gateway.actionsFor(callId).includes('placeCallee') ? true : undefined));
    await killHard(running);
    await pending;

    // With no call-control process alive, nats-server fires the schedule at the deadline.
    const requested = (await storedEvents(bus, callId)).find(
      (event) => event.payload?.$case === 'connectRequested',
    );
    const leg =
      requested?.payload?.$case === 'connectRequested' ? requested.payload.value : undefined;
    const fired = localSubjects.ringTimerFired(callId, leg?.calleeLegId ?? '');
    await waitFor(
      async () =>
        (await bus.jsm.streams.getMessage(localStreams.callTimers.name, { last_by_subj: fired })) ??
        undefined,
    );
    running = await startCallControlProcess(server.url);
    const events = await eventsUntil(bus, callId, 'connectFailed');
    expect(events.at(-1)?.payload).toMatchObject({
      $case: 'connectFailed',
      value: { errorCode: 'CALL_UNANSWERED' },
    });
    expect((await clientOf(running).getCall(callId)).state).toBe(CallState.CALL_STATE_ANSWERED);
    await waitFor(() => (gateway.actionsFor(callId).includes('cancelCallee') ? true : undefined));

    // SIGTERM stops it gracefully.
    await running.proc.stop();
    expect((await running.proc.exited).code).toBe(0);
    running = undefined;
  });
});
