import { CallState, TerminationReason } from '@warmline/contracts';
import { type GatewayHarness, startGatewayHarness } from '../testSupport/gatewayHarness';
import { type RoundTrip, roundTrips } from './expectedAudio';
import { leakBaseline, runAnsweredCall, type ScenarioResult } from './callScenario';

let harness: GatewayHarness;
let baseline: { subs: number; timers: number };

beforeAll(async () => {
  harness = await startGatewayHarness();
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

  // barge-in: at most one frame heard after the clear, none sent after the carrier clear
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
  expect(result.violations).toEqual([]);
};

describe('a caller on a carrier stream', () => {
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
});
