import { CallHandler } from '@warmline/contracts';
import { waitFor } from '@warmline/testing';
import { newCallId, ready } from '../testSupport/sdkCall';
import { incomingCallsOf } from '../testSupport/sdkTestClient';
import { useCallControl } from '../testSupport/useCallControl';

const cc = useCallControl();

describe('incoming SDK calls', () => {
  it('nothing is delivered before ready: a waiting call goes to the session that is ready', async () => {
    const early = cc.client().openSession(['connector-2']);
    await early.next((m) => (m.message?.$case === 'welcome' ? m.message.value : undefined));
    const callId = newCallId();
    await cc.gateway.startCall(callId, { connectorId: 'connector-2' });

    const other = cc.client().openSession(['connector-2']);
    await ready(other);
    await waitFor(() => (incomingCallsOf(other).length === 1 ? true : undefined));
    expect(incomingCallsOf(other).map((call) => call.callId)).toEqual([callId]);
    expect(early.received.map((m) => m.message?.$case)).not.toContain('incomingCall');
    early.end();
    other.end();
    await Promise.all([early.ended(), other.ended()]);
  });

  it('two SDK processes on one connector split 20 calls: each call delivered once, all delivered', async () => {
    const first = cc.client().openSession(['connector-2']);
    const second = cc.client().openSession(['connector-2']);
    await Promise.all([ready(first), ready(second)]);
    const callIds = Array.from({ length: 20 }, newCallId);
    for (const callId of callIds)
      await cc.gateway.startCall(callId, { connectorId: 'connector-2' });

    const delivered = () => [...incomingCallsOf(first), ...incomingCallsOf(second)];
    await waitFor(() => (delivered().length >= 20 ? true : undefined), { timeoutMs: 20_000 });
    const ids = delivered().map((call) => call.callId);
    expect(ids).toHaveLength(20);
    expect(new Set(ids)).toEqual(new Set(callIds));
    expect(incomingCallsOf(first).length).toBeGreaterThan(0);
    expect(incomingCallsOf(second).length).toBeGreaterThan(0);
    first.end();
    second.end();
  });

  it('a call routed to the built-in agent is not offered to SDK sessions', async () => {
    const session = cc.client().openSession(['connector-1']);
    await ready(session);
    const agentCall = newCallId();
    const started = await cc.gateway.startCall(agentCall, { connectorId: 'connector-agent' });
    expect(started).toMatchObject({
      accepted: true,
      handler: CallHandler.CALL_HANDLER_BUILT_IN_AGENT,
    });
    const sdkCall = newCallId();
    await cc.gateway.startCall(sdkCall, { connectorId: 'connector-1' });
    await waitFor(() => (incomingCallsOf(session).length === 1 ? true : undefined));
    expect(incomingCallsOf(session).map((call) => call.callId)).toEqual([sdkCall]);
    session.end();
  });

  it('a repeated start request does not start or offer the call twice', async () => {
    const callId = newCallId();
    const first = await cc.gateway.startCall(callId, { connectorId: 'connector-1' });
    const again = await cc.gateway.startCall(callId, { connectorId: 'connector-1' });
    expect(again).toEqual(first);
    const session = cc.client().openSession(['connector-1']);
    await ready(session);
    await waitFor(() =>
      incomingCallsOf(session).some((c) => c.callId === callId) ? true : undefined,
    );
    expect(incomingCallsOf(session).filter((c) => c.callId === callId)).toHaveLength(1);
    session.end();
  });

  it('attach forwards the events of a call handled elsewhere', async () => {
    const client = cc.client();
    const callId = newCallId();
    await cc.gateway.startCall(callId, { connectorId: 'connector-1' });
    const taker = client.openSession(['connector-1']);
    await ready(taker);
    await waitFor(() =>
      incomingCallsOf(taker).some((c) => c.callId === callId) ? true : undefined,
    );
    await client.command(callId, { $case: 'answer', value: {} });

    const mover = client.openSession(['connector-1']);
    await mover.next((m) => (m.message?.$case === 'welcome' ? m.message.value : undefined));
    mover.send({ message: { $case: 'attach', value: { callId } } });
    mover.send({ message: { $case: 'ready', value: {} } });
    const answered = await mover.next((m) =>
      m.message?.$case === 'callEvent' && m.message.value.payload?.$case === 'answered'
        ? m.message.value
        : undefined,
    );
    expect(answered.callId).toBe(callId);
    taker.end();
    mover.end();
  });
});
