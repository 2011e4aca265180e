import { pcmFromBytes, sine } from '@warmline/audio';
import { CallState, TerminationReason } from '@warmline/contracts';
import { waitFor } from '@warmline/testing';
import { collectCallerFrames } from '../testSupport/agentVoice';
import { startRealCallHarness } from '../testSupport/realCallHarness';
import {
  answeredCall,
  expectNoLeaks,
  heldResources,
  leakBaseline,
  waitForAppTerminated,
  waitForTerminated,
} from './callScenario';

// Through the real call-control (a child process) and an @warmline/sdk application on its gRPC API.
describe('call lifecycle at the edges', () => {
  it('stopping the gateway ends live calls as media lost and closes their streams', async () => {
    const harness = await startRealCallHarness();
    try {
      const caller = await harness.telnyxCaller();
      const { call } = await answeredCall(harness, caller);
      await harness.app.stop();
      expect((await caller.closed).code).toBe(1001);
      await waitForTerminated(harness, call.callId);
      const terminated = (await harness.events.payloads(call.callId)).find(
        (p) => p.$case === 'terminated',
      );
      expect(terminated).toEqual({
        $case: 'terminated',
        value: {
          reason: TerminationReason.TERMINATION_REASON_MEDIA_LOST,
          detail: 'gateway shutting down',
        },
      });
      expect(await harness.events.states(call.callId)).toEqual([
        CallState.CALL_STATE_PENDING,
        CallState.CALL_STATE_ANSWERED,
        CallState.CALL_STATE_DISCONNECTED,
      ]);
      expect(harness.app.stats).toMatchObject({ calls: 0, openStreams: 0, clockMembers: 0 });
      expect(heldResources(harness.app.stats)).toEqual([]);
    } finally {
      await harness.stop();
    }
  });

  it('audio is forwarded only once the application answered the call', async () => {
    const harness = await startRealCallHarness({ autoAnswer: false });
    try {
      const baseline = await leakBaseline(harness);
      const caller = await harness.twilioCaller();
      const appCall = await harness.application.callFrom(caller.identity.from);
      const frames = collectCallerFrames(harness.testBus, appCall.call.callId);
      const tone = sine({ rate: 8000, hz: 440, durationMs: 200 });
      await caller.play(tone);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(frames.items).toEqual([]);
      expect(appCall.audio).toEqual([]);
      expect(appCall.call.state).toBe('PENDING');

      await appCall.call.answer();
      await caller.play(tone);
      await waitFor(() => (frames.items.length >= 10 ? true : undefined));
      expect(frames.items.map((f) => f.sequence)).toEqual([...Array(10).keys()]);
      await waitFor(() => (appCall.audio.length > 0 ? true : undefined), {
        describe: () => 'caller audio at the application',
      });
      expect(appCall.audio.some((chunk) => pcmFromBytes(chunk).some((s) => s !== 0))).toBe(true);
      frames.close();
      await caller.hangUp();
      await waitForAppTerminated(harness, appCall.call.callId);
      await expectNoLeaks(harness, baseline);
      expect(await harness.events.states(appCall.call.callId)).toEqual([
        CallState.CALL_STATE_PENDING,
        CallState.CALL_STATE_ANSWERED,
        CallState.CALL_STATE_DISCONNECTED,
      ]);
    } finally {
      await harness.stop();
    }
  });
});
