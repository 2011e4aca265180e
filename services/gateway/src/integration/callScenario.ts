import { pcmFromBytes, sine } from '@warmline/audio';
import type { CallState, PlaybackProgress, TerminationReason } from '@warmline/contracts';
import { type CarrierCaller, concatSamples, waitFor } from '@warmline/testing';
import {
  clearPlayback,
  collectCallerFrames,
  collectProgress,
  speak,
} from '../testSupport/agentVoice';
import type { GatewayHarness } from '../testSupport/gatewayHarness';
import { activeTimers, natsSubscriptions } from '../testSupport/leakProbe';
import { expectedCallerFrames, expectedHeard, type RoundTrip } from './expectedAudio';

/** What one scenario run observed, for the test to assert on. */
export interface ScenarioResult {
  readonly callId: string;
  readonly busFrames: Int16Array;
  readonly busSequences: number[];
  readonly expectedBus: Int16Array;
  readonly heardFirst: Int16Array;
  readonly expectedFirst: Int16Array;
  readonly firstProgress: PlaybackProgress | undefined;
  readonly bargeProgress: PlaybackProgress | undefined;
  /** Frames of the second utterance the caller heard before the clear was published. */
  readonly heardBeforeClear: number;
  /** Frames the caller heard after the clear was published. */
  readonly heardAfterClear: number;
  /** Media frames that reached the caller after the carrier `clear` frame. */
  readonly mediaAfterCarrierClear: number;
  readonly dtmfDigits: string[];
  readonly states: CallState[];
  readonly terminationReason: TerminationReason | undefined;
  readonly violations: string[];
}

/** Waits for the gateway to hold no call, socket, clock member, subscription or timer beyond the baseline. */
export const expectNoLeaks = async (
  harness: GatewayHarness,
  baseline: { subs: number; timers: number },
): Promise<void> => {
  await harness.app.settled();
  await waitFor(
    async () => {
      const s = harness.app.stats;
      const subs = (await natsSubscriptions(harness.nats.monitorUrl, 'gateway-test')).length;
      const clean = s.calls === 0 && s.openStreams === 0 && s.clockMembers === 0 && !s.clockArmed;
      return clean && subs <= baseline.subs && activeTimers() <= baseline.timers ? true : undefined;
    },
    {
      timeoutMs: 5_000,
      describe: () =>
        `no leaks: ${JSON.stringify(harness.app.stats)}, timers ${activeTimers()} vs ${baseline.timers}`,
    },
  );
};

/** The baseline the leak check compares against, taken while no call is up. */
export const leakBaseline = async (
  harness: GatewayHarness,
): Promise<{ subs: number; timers: number }> => ({
  subs: (await natsSubscriptions(harness.nats.monitorUrl, 'gateway-test')).length,
  timers: activeTimers(),
});

/**
 * The Done-when call: the caller is answered, speaks (its audio reaches the
 * bus), hears a short agent utterance in full, barges in on a long one, presses
 * a key and hangs up.
 */
export const runAnsweredCall = async (
  harness: GatewayHarness,
  caller: CarrierCaller,
  options: { rate: number; roundTrip: RoundTrip; reorder?: 'pairs' },
  baseline: { subs: number; timers: number },
): Promise<ScenarioResult> => {
  const cc = harness.callControl;
  const start = await waitFor(() =>
    cc.starts.find((s) => s.carrierCallId === caller.identity.carrierCallId),
  );
  const callId = start.callId;
  await waitFor(() => cc.answers.get(callId));
  const bus = collectCallerFrames(harness.testBus, callId);
  const progress = collectProgress(harness.testBus, callId);

  // the caller speaks: one second of 440 Hz in real time
  const spoken = sine({ rate: options.rate, hz: 440, durationMs: 1000, amplitude: 0.4 });
  await caller.play(spoken, { reorder: options.reorder });
  await waitFor(() => (bus.items.length >= 50 ? true : undefined), {
    describe: () => `${bus.items.length} bus frames`,
  });

  // a short agent utterance, heard in full
  const first = sine({ rate: 16000, hz: 600, durationMs: 400, amplitude: 0.3 });
  const firstId = speak(harness.testBus, callId, first, 16000, 'utterance-1');
  const firstProgress = await waitFor(() => progress.items.find((p) => p.utteranceId === firstId));
  const heardFirst = caller.heard();

  // a long one, interrupted
  const heardBefore = caller.heardFrames.length;
  speak(
    harness.testBus,
    callId,
    sine({ rate: 16000, hz: 800, durationMs: 5000, amplitude: 0.3 }),
    16000,
    'utterance-2',
  );
  await caller.waitUntil(
    () => caller.heardFrames.length >= heardBefore + 15,
    10_000,
    'agent audio',
  );
  const heardAtClear = caller.heardFrames.length;
  clearPlayback(harness.testBus, callId);
  await caller.waitUntil(() => caller.clears.length > 0, 5_000, 'carrier clear');
  const bargeProgress = await waitFor(() =>
    progress.items.find((p) => p.utteranceId === 'utterance-2'),
  );
  await new Promise((resolve) => setTimeout(resolve, 200)); // let anything still in flight arrive
  const heardAfterClear = caller.heardFrames.length - heardAtClear;
  const mediaAfterCarrierClear = caller.mediaAfterLastClear;

  caller.sendDtmf('7');
  await waitFor(() => cc.signalsOf(callId, 'dtmf')[0]);
  await caller.hangUp();
  await waitFor(() => cc.signalsOf(callId, 'partyHungUp')[0]);
  await waitFor(() =>
    cc.events.appended(callId).some((p) => p.$case === 'terminated') ? true : undefined,
  );
  bus.close();
  progress.close();
  await expectNoLeaks(harness, baseline); // before reading the stream: the reads' own timers are the test's

  const payloads = await cc.events.payloads(callId);
  const terminated = payloads.find((p) => p.$case === 'terminated');
  return {
    callId,
    busFrames: concatSamples(bus.items.slice(0, 50).map((f) => pcmFromBytes(f.pcm))),
    busSequences: bus.items.map((f) => f.sequence),
    expectedBus: expectedCallerFrames(spoken, options.rate, options.roundTrip),
    heardFirst,
    expectedFirst: expectedHeard(first, 16000, options.rate, options.roundTrip),
    firstProgress,
    bargeProgress,
    heardBeforeClear: heardAtClear - heardBefore,
    heardAfterClear,
    mediaAfterCarrierClear,
    dtmfDigits: cc
      .signalsOf(callId, 'dtmf')
      .map((s) => (s.payload?.$case === 'dtmf' ? s.payload.value.digit : '')),
    states: await cc.events.states(callId),
    terminationReason: terminated?.$case === 'terminated' ? terminated.value.reason : undefined,
    violations: caller.violations,
  };
};
