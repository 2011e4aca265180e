import { status } from '@grpc/grpc-js';
import { waitFor } from '@warmline/testing';
import { newCallId, ready } from '../testSupport/sdkCall';
import { incomingCallsOf } from '../testSupport/sdkTestClient';
import { useCallControl } from '../testSupport/useCallControl';

const cc = useCallControl();

describe('several call-control replicas', () => {
  it("SDK sessions on different replicas compete for one connector's calls; a stopping replica hands over", async () => {
    const replica = await cc.startReplica();
    const onFirst = cc.client().openSession(['connector-1']);
    const onSecond = cc.client(undefined, replica.address).openSession(['connector-1']);
    await Promise.all([ready(onFirst), ready(onSecond)]);

    const callIds = Array.from({ length: 20 }, newCallId);
    for (const callId of callIds) await cc.gateway.startCall(callId);
    const delivered = () => [...incomingCallsOf(onFirst), ...incomingCallsOf(onSecond)];
    await waitFor(() => (delivered().length >= 20 ? true : undefined), { timeoutMs: 20_000 });
    expect(
      delivered()
        .map((call) => call.callId)
        .sort(),
    ).toEqual([...callIds].sort());
    expect(incomingCallsOf(onFirst).length).toBeGreaterThan(0);
    expect(incomingCallsOf(onSecond).length).toBeGreaterThan(0);

    // The second replica stops: its session ends UNAVAILABLE and new calls go to the first.
    await replica.stop();
    expect((await onSecond.ended()).code).toBe(status.UNAVAILABLE);
    const later = newCallId();
    await cc.gateway.startCall(later);
    await waitFor(() =>
      incomingCallsOf(onFirst).some((call) => call.callId === later) ? true : undefined,
    );
    onFirst.end();
  });
});
