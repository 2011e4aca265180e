import type { ActiveCall } from '../call/activeCall';
import type { WarmlineClient } from '../client/warmlineClient';
import type { SandboxOptions } from '../config/clientOptions';
import { events } from '../events/eventNames';
import { CallControlTestDouble } from '../testing/callControlTestDouble';
import type { DoubleMedia } from '../testing/doubleMedia';
import { eventually, pendingSnapshot, testId } from '../testing/fixtures';
import { testClient } from '../testing/testClient';

/** A double, clients on it, and a way to get a delivered call with its media; cleaned up after each test. */
export function useDouble(options: { heartbeatIntervalMs?: number } = {}) {
  const state: { double?: CallControlTestDouble; clients: WarmlineClient[] } = { clients: [] };
  beforeEach(async () => {
    state.double = await CallControlTestDouble.start(options);
  });
  afterEach(async () => {
    await Promise.all(state.clients.splice(0).map((client) => client.close()));
    await state.double?.stop();
  });
  const double = (): CallControlTestDouble => {
    if (!state.double) throw new Error('use inside a test');
    return state.double;
  };
  const client = (patch: Partial<SandboxOptions> = {}): WarmlineClient => {
    const created = testClient(double().address, patch);
    state.clients.push(created);
    return created;
  };
  /** A ready client and one delivered call with its media open. */
  const deliveredCall = async (patch: Partial<SandboxOptions> = {}) => {
    const sdk = client(patch);
    const delivered: ActiveCall[] = [];
    sdk.on(events.INCOMING_CALL, (call) => void delivered.push(call));
    await sdk.ready();
    await eventually(
      () => (double().liveSessions.some((s) => s.ready) ? true : undefined),
      'ready',
    );
    const callId = testId('call');
    double().offerCall(pendingSnapshot(callId));
    const call = await eventually(() => delivered[0], 'the call');
    const media: DoubleMedia = await eventually(() => double().mediaFor(callId), 'media');
    return { sdk, call, media, callId };
  };
  return { double, client, deliveredCall };
}
