import type { ActiveCall } from '../call/activeCall';
import {
  CallClosedError,
  CallCommandError,
  CallCommandTimeoutError,
  WrongStateError,
} from '../errors/callErrors';
import { InvalidArgumentError } from '../errors/warmlineError';
import { events } from '../events/eventNames';
import { eventually, settle } from '../testing/fixtures';
import { useDouble } from './useDouble';

describe('call commands against the call-control test double', () => {
  const { double, deliveredCall } = useDouble();

  it('answer, connect, whisper, close: states, events once each, and the commands sent', async () => {
    const { sdk, call, callId } = await deliveredCall();
    const seen: string[] = [];
    const clientSeen: string[] = [];
    for (const name of [
      events.CALL_ANSWERED,
      events.CALL_RINGING,
      events.CALL_CONNECTED,
      events.CALL_MODE_CHANGED,
      events.CALL_TERMINATED,
    ]) {
      call.on(name, () => void seen.push(name));
      sdk.on(
        name,
        (c: ActiveCall) =>
          void clientSeen.push(`${c.callId === callId ? 'same' : 'other'} ${name}`),
      );
    }
    let terminated: unknown;
    call.on(events.CALL_TERMINATED, (_c, detail) => void (terminated = detail));

    await call.answer();
    expect(call.state).toBe('ANSWERED');
    await call.connect({ ringTimeSeconds: 30, handoffData: { contextId: 'ctx-1' } });
    expect(call.state).toBe('CONNECTED');
    expect(call.mode).toBe('BARGE');
    await call.whisper();
    expect(call.mode).toBe('WHISPER');
    await call.close();
    expect(call.state).toBe('DISCONNECTED');
    expect(call.terminationReason).toBe('AGENT_LEFT');
    await settle(100);

    expect(seen).toEqual([
      events.CALL_ANSWERED,
      events.CALL_RINGING,
      events.CALL_CONNECTED,
      events.CALL_MODE_CHANGED,
      events.CALL_TERMINATED,
    ]);
    expect(clientSeen).toEqual(seen.map((name) => `same ${name}`));
    expect(terminated).toMatchObject({ reason: 'AGENT_LEFT' });
    const sent = double().calls.commands.map((c) => c.payload?.$case);
    expect(sent).toEqual(['answer', 'connect', 'setAgentMode', 'close']);
    const connect = double().calls.commands[1]?.payload;
    expect(connect).toEqual({
      $case: 'connect',
      value: { ringTimeSeconds: 30, handoffData: { contextId: 'ctx-1' } },
    });
    expect(sdk.getCall(callId)).toBeUndefined();
  });

  it('connect unanswered rejects with CALL_UNANSWERED and the call stays ANSWERED', async () => {
    const { call } = await deliveredCall();
    await call.answer();
    double().calls.connectBehaviour = { kind: 'fail', errorCode: 'CALL_UNANSWERED' };
    const failed: string[] = [];
    call.on(events.CALL_CONNECT_FAILED, (_c, detail) => void failed.push(detail.errorCode));
    const error = await call.connect({ ringTimeSeconds: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallCommandError);
    expect(error).toMatchObject({
      errorCode: 'CALL_UNANSWERED',
      command: 'connect',
      callId: call.callId,
    });
    expect(call.state).toBe('ANSWERED');
    await eventually(() => (failed.length === 1 ? true : undefined), 'the event');
    expect(failed).toEqual(['CALL_UNANSWERED']);
    double().calls.connectBehaviour = { kind: 'answer' };
    await call.connect();
    expect(call.state).toBe('CONNECTED');
  });

  it('checks the ring time locally (nothing sent)', async () => {
    const { call } = await deliveredCall();
    await call.answer();
    for (const ringTimeSeconds of [0, 121, 2.5]) {
      await expect(call.connect({ ringTimeSeconds })).rejects.toBeInstanceOf(InvalidArgumentError);
    }
    expect(double().calls.commands.map((c) => c.payload?.$case)).toEqual(['answer']);
  });

  it('refuses a certainly wrong command locally, and maps the platform WRONG_STATE otherwise', async () => {
    const { call } = await deliveredCall();
    await call.answer();
    await expect(call.answer()).rejects.toBeInstanceOf(WrongStateError);
    expect(double().calls.commands).toHaveLength(1); // no round trip
    const error = await call.barge().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongStateError);
    expect(error).toMatchObject({ command: 'barge', state: 'ANSWERED' });
    expect(double().calls.commands).toHaveLength(2); // asked the platform: connect might have completed
  });

  it('rejects commands on an ended call with CallClosedError, without a round trip', async () => {
    const { call } = await deliveredCall();
    await call.answer();
    double().calls.terminate(call.callId);
    await eventually(() => (call.state === 'DISCONNECTED' ? true : undefined), 'the end');
    expect(call.terminationReason).toBe('CALLER_HUNG_UP');
    const sent = double().calls.commands.length;
    await expect(call.disconnect()).rejects.toBeInstanceOf(CallClosedError);
    await expect(call.close()).rejects.toBeInstanceOf(CallClosedError);
    expect(double().calls.commands).toHaveLength(sent);
  });

  it('times out a command with no reply with CallCommandTimeoutError', async () => {
    const { call } = await deliveredCall({ commandTimeoutMs: 200 });
    double().commandDelayMs = 1_000;
    const error = await call.answer().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallCommandTimeoutError);
    expect(error).toMatchObject({ command: 'answer', timeoutMs: 200 });
  });

  it('retries a command whose connection failed with the same command id', async () => {
    const { call } = await deliveredCall();
    double().failNextCommands = 2;
    await call.answer();
    expect(call.state).toBe('ANSWERED');
    const ids = double().calls.commands.map((c) => c.commandId);
    expect(ids).toHaveLength(1); // the failed attempts never reached the call logic
    expect(double().calls.commands[0]?.payload?.$case).toBe('answer');
  });

  it('disconnect ends the call for everyone', async () => {
    const { call } = await deliveredCall();
    await call.answer();
    await call.disconnect();
    expect(call.state).toBe('DISCONNECTED');
    expect(call.terminationReason).toBe('DISCONNECTED');
  });
});
