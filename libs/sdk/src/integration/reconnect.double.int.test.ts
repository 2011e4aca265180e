import { ActiveCall } from '../call/activeCall';
import { CallNotFoundError } from '../errors/callErrors';
import { events } from '../events/eventNames';
import { eventually, pcm, pendingSnapshot } from '../testing/fixtures';
import { memoryLogger } from '../testing/testClient';
import { useDouble } from './useDouble';

describe('reconnect and moving calls, against the call-control test double', () => {
  const { double, client, deliveredCall } = useDouble({ heartbeatIntervalMs: 200 });

  it('reconnects after the server restarts: hello, attach for held calls, ready; events flow again', async () => {
    const { logger, lines } = memoryLogger();
    const { call, callId } = await deliveredCall({ logger });
    await call.answer();
    await double().stop();
    await double().restart();
    const session = await eventually(
      () => double().liveSessions.find((s) => s.ready && s.attached.includes(callId)),
      'a new session with the call attached and ready',
    );
    expect(session.hello?.connectorIds).toEqual(['support']);
    expect(
      lines.some((l) => l.level === 'warn' && l.message === 'session lost; reconnecting'),
    ).toBe(true);
    expect(double().getCallRequests).toContain(callId); // the state was refreshed

    const terminated: string[] = [];
    call.on(events.CALL_TERMINATED, (_c, d) => void terminated.push(d.reason));
    double().calls.terminate(callId);
    await eventually(() => (terminated.length === 1 ? true : undefined), 'the end of the call');
    expect(terminated).toEqual(['CALLER_HUNG_UP']);
  });

  it('learns of an end it missed while disconnected from the refreshed state', async () => {
    const { call, callId } = await deliveredCall();
    await call.answer();
    await double().stop();
    double().calls.terminate(callId); // nobody is connected to hear it
    await double().restart();
    await eventually(() => (call.state === 'DISCONNECTED' ? true : undefined), 'the call ended');
    expect(call.terminationReason).toBe('CALLER_HUNG_UP');
  });

  it('keeps delivering new calls after a restart', async () => {
    const sdk = client();
    const delivered: string[] = [];
    sdk.on(events.INCOMING_CALL, (call) => void delivered.push(call.callId));
    await sdk.ready();
    await double().stop();
    await double().restart();
    await eventually(
      () => (double().liveSessions.some((s) => s.ready) ? true : undefined),
      'ready again',
    );
    double().offerCall(pendingSnapshot('after-restart'));
    await eventually(
      () => (delivered.includes('after-restart') ? true : undefined),
      'the new call',
    );
  });

  it('rebuilds a call on another client from toJSON, which takes over its events and media', async () => {
    const { call, callId, media } = await deliveredCall();
    await call.answer();
    const json = JSON.parse(JSON.stringify(call)) as unknown;
    expect(json).toEqual({
      format: 'warmline.call/1',
      callId,
      callerNumber: '+15550100',
      calleeNumber: '+15550199',
      connectorId: 'support',
      state: 'ANSWERED',
    });
    call.detach();
    await eventually(() => (media.ended ? true : undefined), 'the old media stream closed');

    const other = client();
    await other.ready();
    const rebuilt = await ActiveCall.fromJSON(other, JSON.stringify(json));
    expect(rebuilt).toMatchObject({ callId, state: 'ANSWERED', callerNumber: '+15550100' });
    expect(other.getCall(callId)).toBe(rebuilt);
    await eventually(
      () => double().liveSessions.find((s) => s.attached.includes(callId)),
      'attach',
    );
    const newMedia = await eventually(
      () => (double().mediaFor(callId) !== media ? double().mediaFor(callId) : undefined),
      'media',
    );

    await rebuilt.sendAudio(pcm(640));
    newMedia.pull(640);
    await eventually(
      () => (newMedia.receivedBytes === 640 ? true : undefined),
      'audio from the new process',
    );
    await rebuilt.disconnect();
    expect(rebuilt.state).toBe('DISCONNECTED');
  });

  it('refuses to rebuild an unknown call', async () => {
    const sdk = client();
    const json = { format: 'warmline.call/1', callId: 'nope', state: 'PENDING' };
    await expect(sdk.attachCall(JSON.stringify(json))).rejects.toBeInstanceOf(CallNotFoundError);
    expect(sdk.activeCalls).toEqual([]);
  });
});
