import { pcmFromBytes, pcmToBytes, sine } from '@warmline/audio';
import type { CallState, PlaybackProgress, TerminationReason } from '@warmline/contracts';
import { type CarrierCaller, concatSamples, waitFor } from '@warmline/testing';
import { collectCallerFrames, collectProgress } from '../testSupport/agentVoice';
import { activeTimers, natsSubscriptions } from '../testSupport/leakProbe';
import { GATEWAY_CONNECTION, type RealCallHarness } from '../testSupport/realCallHarness';
import type { AppCall } from '../testSupport/testApplication';
import { expectedCallerFrames, expectedHeard, type RoundTrip } from './expectedAudio';

/** What one scenario run observed, for the test to assert on. */
export interface ScenarioResult {
  readonly callId: string;
  readonly busFrames: Int16Array;
  readonly busSequences: number[];
  readonly expectedBus: Int16Array;
  /** Caller audio the application received through call-control, in bytes. */
  readonly appAudioBytes: number;
  readonly heardFirst: Int16Array;
  readonly expectedFirst: Int16Array;
  readonly firstProgress: PlaybackProgress | undefined;
  readonly bargeProgress: PlaybackProgress | undefined;
  /** Frames of the second utterance the caller heard before the application cleared. */
  readonly heardBeforeClear: number;
  /** Frames the caller heard after the application cleared. */
  readonly heardAfterClear: number;
  /** Media frames that reached the caller after the carrier `clear` frame. */
  readonly mediaAfterCarrierClear: number;
  readonly dtmfDigits: string[];
  readonly appTermination: string | undefined;
  readonly states: CallState[];
  readonly terminationReason: TerminationReason | undefined;
  readonly violations: string[];
}

/** A leak baseline: gateway subscriptions on NATS and live timers in this process. */
export interface LeakBaseline {
  readonly subs: number;
  readonly timers: number;
}

/** The gateway's counters that are not zero (calls, streams, clock members, SIP state, …). */
export const heldResources = (stats: object): string[] =>
  Object.entries(stats)
    .filter(([, value]) => value !== 0 && value !== false)
    .map(([name, value]) => `${name}=${String(value)}`);

/** What the leak checks need: the gateway app and the NATS server (either harness has both). */
type LeakSubject = Pick<RealCallHarness, 'app' | 'nats'>;

/** Waits for the gateway to hold no call, socket, clock member, subscription or timer beyond the baseline. */
export const expectNoLeaks = async (
  harness: LeakSubject,
  baseline: LeakBaseline,
): Promise<void> => {
  await harness.app.settled();
  await waitFor(
    async () => {
      const subs = (await natsSubscriptions(harness.nats.monitorUrl, GATEWAY_CONNECTION)).length;
      const clean = heldResources(harness.app.stats).length === 0;
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
export const leakBaseline = async (harness: LeakSubject): Promise<LeakBaseline> => ({
  subs: (await natsSubscriptions(harness.nats.monitorUrl, GATEWAY_CONNECTION)).length,
  timers: activeTimers(),
});

/** The application's view of the caller's call, once the real call-control answered it. */
export const answeredCall = async (
  harness: RealCallHarness,
  caller: CarrierCaller,
): Promise<AppCall> => {
  const appCall = await harness.application.callFrom(caller.identity.from);
  await waitFor(() => (appCall.call.state === 'ANSWERED' ? true : undefined), {
    describe: () => `call ${appCall.call.callId} answered (${appCall.call.state})`,
  });
  return appCall;
};

/**
 * Waits until the application heard the call end (call-control forwards CallTerminated once it is
 * stored). Reads no stream: a stream read leaves a timer of its own for a few seconds, which the
 * leak check would wait for.
 */
export const waitForAppTerminated = (harness: RealCallHarness, callId: string): Promise<string> =>
  waitFor(() => harness.application.calls.find((c) => c.call.callId === callId)?.terminated, {
    timeoutMs: 10_000,
    describe: () => `CALL_TERMINATED of ${callId} at the application`,
  });

/** Waits until call-control wrote the call's CallTerminated. */
export const waitForTerminated = (harness: RealCallHarness, callId: string): Promise<true> =>
  waitFor(
    async () =>
      (await harness.events.payloads(callId)).some((p) => p.$case === 'terminated')
        ? true
        : undefined,
    { timeoutMs: 10_000, describe: () => `CallTerminated on evt.call.${callId}` },
  );

/**
 * The Done-when call, end to end through the real call-control: the application answers, the
 * caller speaks (its audio reaches the bus and the application), hears a short agent utterance
 * in full, barges in on a long one (the application clears), presses a key and hangs up.
 */
export const runAnsweredCall = async (
  harness: RealCallHarness,
  caller: CarrierCaller,
  options: { rate: number; roundTrip: RoundTrip; reorder?: 'pairs' },
  baseline: LeakBaseline,
): Promise<ScenarioResult> => {
  const appCall = await answeredCall(harness, caller);
  const { call } = appCall;
  const callId = call.callId;
  const bus = collectCallerFrames(harness.testBus, callId);
  const progress = collectProgress(harness.testBus, callId);

  // the caller speaks: one second of 440 Hz in real time
  const spoken = sine({ rate: options.rate, hz: 440, durationMs: 1000, amplitude: 0.4 });
  await caller.play(spoken, { reorder: options.reorder });
  await waitFor(() => (bus.items.length >= 50 ? true : undefined), {
    describe: () => `${bus.items.length} bus frames`,
  });

  // a short agent utterance from the application, heard in full
  const first = sine({ rate: 16000, hz: 600, durationMs: 400, amplitude: 0.3 });
  await call.sendAudio(pcmToBytes(first));
  const firstProgress = await waitFor(() => progress.items.find((p) => p.completed), {
    describe: () => `the first utterance played (${progress.items.length} progress reports)`,
  });
  const heardFirst = caller.heard();

  // a long one, interrupted: the caller talks over it and the application clears
  const heardBefore = caller.heardFrames.length;
  await call.sendAudio(
    pcmToBytes(sine({ rate: 16000, hz: 800, durationMs: 5000, amplitude: 0.3 })),
  );
  await caller.waitUntil(
    () => caller.heardFrames.length >= heardBefore + 15,
    10_000,
    'agent audio',
  );
  const heardAtClear = caller.heardFrames.length;
  await call.clearSendAudioBuffer();
  await caller.waitUntil(() => caller.clears.length > 0, 5_000, 'carrier clear');
  const bargeProgress = await waitFor(() => progress.items.find((p) => p.interrupted), {
    describe: () => 'the second utterance reported interrupted',
  });
  await new Promise((resolve) => setTimeout(resolve, 200)); // let anything still in flight arrive
  const heardAfterClear = caller.heardFrames.length - heardAtClear;
  const mediaAfterCarrierClear = caller.mediaAfterLastClear;

  caller.sendDtmf('7');
  await waitFor(() => (appCall.dtmf.length > 0 ? true : undefined), {
    describe: () => 'the key reached the application',
  });
  await caller.hangUp();
  await waitForAppTerminated(harness, callId);
  bus.close();
  progress.close();
  await expectNoLeaks(harness, baseline); // before reading the stream: the reads' own timers are the test's

  const payloads = await harness.events.payloads(callId);
  const terminated = payloads.find((p) => p.$case === 'terminated');
  return {
    callId,
    busFrames: concatSamples(bus.items.slice(0, 50).map((f) => pcmFromBytes(f.pcm))),
    busSequences: bus.items.map((f) => f.sequence),
    expectedBus: expectedCallerFrames(spoken, options.rate, options.roundTrip),
    appAudioBytes: appCall.audio.reduce((sum, chunk) => sum + chunk.length, 0),
    heardFirst,
    expectedFirst: expectedHeard(first, 16000, options.rate, options.roundTrip),
    firstProgress,
    bargeProgress,
    heardBeforeClear: heardAtClear - heardBefore,
    heardAfterClear,
    mediaAfterCarrierClear,
    dtmfDigits: appCall.dtmf,
    appTermination: appCall.terminated,
    states: await harness.events.states(callId),
    terminationReason: terminated?.$case === 'terminated' ? terminated.value.reason : undefined,
    violations: caller.violations,
  };
};
