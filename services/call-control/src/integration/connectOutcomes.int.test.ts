import { CallState } from '@warmline/contracts';
import { waitFor } from '@warmline/testing';
import { kinds, storedEvents } from '../testSupport/callEvents';
import { answeredCall } from '../testSupport/sdkCall';
import { useCallControl } from '../testSupport/useCallControl';

const cc = useCallControl();

describe('connect outcomes', () => {
  it('declined: CALLEE_BUSY, and the call stays ANSWERED', async () => {
    const client = cc.client();
    const callId = await answeredCall(cc, client);
    cc.gateway.behave({ callee: 'busy' }, callId);
    const result = await client.command(callId, {
      $case: 'connect',
      value: { ringTimeSeconds: 30, handoffData: {} },
    });
    expect(result).toMatchObject({
      ok: false,
      errorCode: 'CALLEE_BUSY',
      state: CallState.CALL_STATE_ANSWERED,
    });
    expect(kinds(await storedEvents(cc.bus, callId))).toEqual([
      'started',
      'answerRequested',
      'answered',
      'connectRequested',
      'connectRinging',
      'connectFailed',
    ]);
    expect((await client.getCall(callId)).state).toBe(CallState.CALL_STATE_ANSWERED);
  });

  it('unanswered: CALL_UNANSWERED after the ring time, the leg is cancelled, the call stays ANSWERED', async () => {
    const client = cc.client();
    const callId = await answeredCall(cc, client);
    cc.gateway.behave({ callee: 'noAnswer' }, callId);
    const result = await client.command(callId, {
      $case: 'connect',
      value: { ringTimeSeconds: 1, handoffData: {} },
    });
    expect(result).toMatchObject({
      ok: false,
      errorCode: 'CALL_UNANSWERED',
      state: CallState.CALL_STATE_ANSWERED,
    });
    const events = await storedEvents(cc.bus, callId);
    expect(kinds(events).slice(3)).toEqual(['connectRequested', 'connectRinging', 'connectFailed']);
    await waitFor(() => (cc.gateway.actionsFor(callId).length === 3 ? true : undefined));
    expect(cc.gateway.actionsFor(callId)).toEqual(['answer', 'placeCallee', 'cancelCallee']);

    // The call is still usable: a second connect that is answered connects it.
    cc.gateway.behave({ callee: 'answer' }, callId);
    const retried = await client.command(callId, {
      $case: 'connect',
      value: { ringTimeSeconds: 5, handoffData: {} },
    });
    expect(retried).toMatchObject({ ok: true, state: CallState.CALL_STATE_CONNECTED });
  });

  it('a gateway that refuses to place the callee leg fails the connect with its code', async () => {
    const client = cc.client();
    const callId = await answeredCall(cc, client);
    cc.gateway.behave({ callee: 'refuse' }, callId);
    const result = await client.command(callId, {
      $case: 'connect',
      value: { ringTimeSeconds: 10, handoffData: {} },
    });
    expect(result).toMatchObject({ ok: false, errorCode: 'CALLEE_UNREACHABLE' });
    expect((await client.getCall(callId)).connectPending).toBe(false);
  });

  it('a pre-answer connect bridges the caller without answer()', async () => {
    const client = cc.client();
    const callId = `call-pre-${Date.now()}`;
    await cc.gateway.startCall(callId);
    const result = await client.command(callId, {
      $case: 'connect',
      value: { ringTimeSeconds: 10, handoffData: {} },
    });
    expect(result).toMatchObject({ ok: true, state: CallState.CALL_STATE_CONNECTED });
    // The bridge's instructions follow the CallConnected event that settled the command.
    await waitFor(() => (cc.gateway.actionsFor(callId).length === 3 ? true : undefined));
    expect(cc.gateway.actionsFor(callId)).toEqual(['placeCallee', 'answer', 'setMixMode']);
  });
});
