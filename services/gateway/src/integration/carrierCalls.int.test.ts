import { encodeMulaw, pcmFromBytes, sine } from '@warmline/audio';
import { CallState, TerminationReason } from '@warmline/contracts';
import { concatSamples, waitFor } from '@warmline/testing';
import { collectCallerFrames } from '../testSupport/agentVoice';
import { type RealCallHarness, startRealCallHarness } from '../testSupport/realCallHarness';
import { expectedCallerFrames, type RoundTrip, roundTrips } from './expectedAudio';
import {
  type LeakBaseline,
  leakBaseline,
  runAnsweredCall,
  type ScenarioResult,
  answeredCall,
  expectNoLeaks,
  waitForAppTerminated,
} from './callScenario';

// Through the real call-control (a child process) and an @warmline/sdk application on its gRPC API.
let harness: RealCallHarness;
let baseline: LeakBaseline;

beforeAll(async () => {
  harness = await startRealCallHarness();
});

beforeEach(async () => {
  baseline = await leakBaseline(harness);
});

afterAll(async () => {
  await harness?.stop();
});

const expectDoneWhen = (
  result: ScenarioResult,
  frameSamples: number,
  roundTrip: RoundTrip,
): void => {
  // caller audio reached the bus: 50 frames of 20 ms at 16 kHz, in order, equal to the codec round trip
  expect(result.busSequences.slice(0, 50)).toEqual([...Array(50).keys()]);
  expect(Array.from(result.busFrames)).toEqual(Array.from(result.expectedBus));
  // and reached the application through call-control (at least the 50 frames, at 16 kHz)
  expect(result.appAudioBytes).toBeGreaterThanOrEqual(50 * 320 * 2);

  // the short utterance was heard in full: what was sent after the codec round trip, padded to a frame
  const padded = Math.ceil(result.expectedFirst.length / frameSamples) * frameSamples;
  expect(result.heardFirst.length).toBe(padded);
  expect(Array.from(result.heardFirst.subarray(0, result.expectedFirst.length))).toEqual(
    Array.from(result.expectedFirst),
  );
  const padding = roundTrip(new Int16Array(padded - result.expectedFirst.length)); // silence, as the codec carries it
  expect(Array.from(result.heardFirst.subarray(result.expectedFirst.length))).toEqual(
    Array.from(padding),
  );
  expect(result.firstProgress).toMatchObject({ completed: true, interrupted: false });
  expect(result.firstProgress!.playedMs).toBeGreaterThanOrEqual(400);

  // barge-in: at most one frame heard after the application's clear, none after the carrier clear
  expect(result.heardAfterClear).toBeLessThanOrEqual(1);
  expect(result.mediaAfterCarrierClear).toBe(0);
  expect(result.bargeProgress).toMatchObject({ completed: false, interrupted: true });
  // what the marks confirmed is what the caller heard, at the marks' resolution (100 ms)
  const heardMs = (result.heardBeforeClear + result.heardAfterClear) * 20;
  expect(result.bargeProgress!.playedMs).toBeLessThanOrEqual(heardMs);
  expect(result.bargeProgress!.playedMs).toBeGreaterThanOrEqual(heardMs - 140);

  expect(result.dtmfDigits).toEqual(['7']);
  expect(result.states).toEqual([
    CallState.CALL_STATE_PENDING,
    CallState.CALL_STATE_ANSWERED,
    CallState.CALL_STATE_DISCONNECTED,
  ]);
  expect(result.terminationReason).toBe(TerminationReason.TERMINATION_REASON_CALLER_HUNG_UP);
  expect(result.appTermination).toBe('CALLER_HUNG_UP');
  expect(result.violations).toEqual([]);
};

describe('a caller on a carrier stream, through the real call-control, to an SDK application', () => {
  it('Twilio Media Streams: answered, hears the agent, barges in, presses a key, hangs up', async () => {
    const caller = await harness.twilioCaller();
    const result = await runAnsweredCall(
      harness,
      caller,
      { rate: 8000, roundTrip: roundTrips.PCMU },
      baseline,
    );
    expectDoneWhen(result, 160, roundTrips.PCMU);
  });

  it.each([
    ['PCMA', 8000],
    ['L16', 16000],
    ['PCMU', 16000],
  ] as const)(
    'Telnyx media streaming (%s at %i Hz, frames out of order): the same call',
    async (encoding, rate) => {
      const caller = await harness.telnyxCaller({ encoding, sampleRate: rate });
      const result = await runAnsweredCall(
        harness,
        caller,
        { rate, roundTrip: roundTrips[encoding], reorder: 'pairs' },
        baseline,
      );
      expectDoneWhen(result, rate / 50, roundTrips[encoding]);
    },
  );

  it('Telnyx: a stream whose first frames arrive out of order (chunk 2 before chunk 1) loses no frame', async () => {
    const caller = await harness.telnyxCaller({ encoding: 'PCMU', sampleRate: 8000 });
    const { call } = await answeredCall(harness, caller);
    const bus = collectCallerFrames(harness.testBus, call.callId);
    const spoken = sine({ rate: 8000, hz: 440, durationMs: 400, amplitude: 0.4 });
    const chunks = Array.from({ length: 20 }, (_, n) => n + 1);
    [chunks[0], chunks[1]] = [chunks[1]!, chunks[0]!]; // 2, 1, 3, 4, …
    let sequence = 1; // the start frame was 1
    const anchor = Date.now();
    for (const [n, chunk] of chunks.entries()) {
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, anchor + n * 20 - Date.now())),
      );
      const samples = spoken.subarray((chunk - 1) * 160, chunk * 160);
      caller.sendJson({
        event: 'media',
        sequence_number: String(++sequence),
        media: {
          track: 'inbound',
          chunk: String(chunk),
          timestamp: String((chunk - 1) * 20),
          payload: Buffer.from(encodeMulaw(samples)).toString('base64'),
        },
        stream_id: caller.identity.streamId,
      });
    }
    await waitFor(() => (bus.items.length >= 20 ? true : undefined), {
      describe: () => `${bus.items.length} bus frames`,
    });
    await caller.hangUp();
    await waitForAppTerminated(harness, call.callId);
    bus.close();
    await expectNoLeaks(harness, baseline);
    // chunk 1 is the bus's first frame, and everything after it is there, in order
    expect(bus.items.map((f) => f.sequence)).toEqual([...Array(20).keys()]);
    expect(Array.from(concatSamples(bus.items.map((f) => pcmFromBytes(f.pcm))))).toEqual(
      Array.from(expectedCallerFrames(spoken, 8000, roundTrips.PCMU)),
    );
    expect(caller.violations).toEqual([]);
  });
});
