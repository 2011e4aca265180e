import { sine } from '@warmline/audio';
import { waitFor } from '@warmline/testing';
import { collectCallerFrames } from '../testSupport/agentVoice';
import { startGatewayHarness } from '../testSupport/gatewayHarness';
import { expectNoLeaks, leakBaseline } from './callScenario';

describe('call lifecycle at the edges', () => {
  it('a call call-control refuses is closed (1011) and reports nothing', async () => {
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

  it('stopping the gateway ends live calls as media lost and closes their streams', async () => {
    const harness = await startGatewayHarness();
    try {
      const caller = await harness.telnyxCaller();
      const start = await waitFor(() => harness.callControl.starts[0]);
      await waitFor(() => harness.callControl.answers.get(start.callId));
      await harness.app.stop();
      expect((await caller.closed).code).toBe(1001);
      const lost = await waitFor(() => harness.callControl.signalsOf(start.callId, 'mediaLost')[0]);
      expect(lost.payload).toEqual({
        $case: 'mediaLost',
        value: { detail: 'gateway shutting down' },
      });
      expect(harness.app.stats).toEqual({
        calls: 0,
        openStreams: 0,
        clockMembers: 0,
        clockArmed: false,
      });
    } finally {
      await harness.stop();
    }
  });

  it('audio is forwarded only once call-control answered the call', async () => {
    const harness = await startGatewayHarness({ callControl: { autoAnswer: false } });
    try {
      const baseline = await leakBaseline(harness);
      const caller = await harness.twilioCaller();
      const start = await waitFor(() => harness.callControl.starts[0]);
      const frames = collectCallerFrames(harness.testBus, start.callId);
      const tone = sine({ rate: 8000, hz: 440, durationMs: 200 });
      await caller.play(tone);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(frames.items).toEqual([]);
      const answered = await harness.callControl.instruct(start.callId, {
        $case: 'answer',
        value: {},
      });
      expect(answered).toMatchObject({ ok: true });
      await caller.play(tone);
      await waitFor(() => (frames.items.length >= 10 ? true : undefined));
      expect(frames.items.map((f) => f.sequence)).toEqual([...Array(10).keys()]);
      frames.close();
      await caller.hangUp();
      await waitFor(() => harness.callControl.signalsOf(start.callId, 'partyHungUp')[0]);
      await expectNoLeaks(harness, baseline);
    } finally {
      await harness.stop();
    }
  });
});
