import { startGatewayHarness } from '../testSupport/gatewayHarness';
import { expectNoLeaks, leakBaseline } from './callScenario';

// A contract test against a call-control stand-in (testSupport/fakeCallControl): the real
// call-control accepts every well-formed StartCallRequest (it refuses only a request without a
// call id, which the gateway never sends), so a refusal cannot be provoked from it here.
describe('call-control refuses a StartCallRequest (contract test, call-control stand-in)', () => {
  it('the stream is closed (1011) and nothing is reported', async () => {
    const harness = await startGatewayHarness({ callControl: { accept: false } });
    try {
      const baseline = await leakBaseline(harness);
      const caller = await harness.twilioCaller();
      expect((await caller.closed).code).toBe(1011);
      expect(harness.callControl.starts).toHaveLength(1);
      await expectNoLeaks(harness, baseline);
      expect(harness.callControl.signals).toEqual([]);
    } finally {
      await harness.stop();
    }
  });
});
