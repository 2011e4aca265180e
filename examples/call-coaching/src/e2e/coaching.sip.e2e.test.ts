import { pcmFromBytes } from '@warmline/audio';
import { FliteSynthesizer } from '@warmline/example-kit';
import { LocalCallRig, envelopeMatch } from '@warmline/example-kit/testing';
import { DEFAULT_GREETING, runCoaching } from '../app';
import { DEFAULT_RULES } from '../domain/coach';

const HINT = DEFAULT_RULES.find((r) => r.id === 'cancellation')!.hint;
let rig: LocalCallRig;
const at8k = new FliteSynthesizer({ sampleRate: 8000 });
const line8k = async (text: string) => pcmFromBytes(await at8k.synthesize(text));

beforeAll(async () => {
  rig = await LocalCallRig.start({ recognizer: true, sip: true }, (r) => {
    runCoaching({
      client: r.client,
      recognizer: r.appRecognizer,
      synthesizer: new FliteSynthesizer({ sampleRate: 16000 }),
    });
  });
});

afterAll(async () => {
  await rig?.stop();
});

describe('call monitoring and coaching over SIP (baresip caller and callee, gateway mixer)', () => {
  it('greets, connects, spies; whispers the hint to the callee only when the caller mentions cancelling', async () => {
    const { callId, caller } = await rig.dialSip([
      { quietMs: 9_000 }, // the greeting and the connect
      // A caller who means it says it more than once (pocketsphinx misses a phrase now and then).
      { say: 'I want to cancel my account.' },
      { quietMs: 2_500 },
      { say: 'I said, I want to cancel my account.' },
      { quietMs: 60_000 },
    ]);
    await rig.reached(callId, 'MODE:SPY');
    // After the hint: back to SPY (the second MODE:SPY).
    await waitForStates(callId, ['MODE:SPY', 'MODE:WHISPER', 'MODE:SPY']);
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const callee = rig.sip!.parties.callee;
    await caller.hangup();
    await Promise.all([
      caller.waitForEvent('CALL_CLOSED', 10_000),
      callee.waitForEvent('CALL_CLOSED', 10_000),
    ]);
    await rig.reached(callId, 'TERMINATED');
    expect(rig.states(callId)).toEqual([
      'PENDING',
      'ANSWERED',
      'CONNECTED',
      'MODE:SPY',
      'MODE:WHISPER',
      'MODE:SPY',
      'TERMINATED:CALLER_HUNG_UP',
    ]);
    expect(rig.recognised.join(' ')).toMatch(/cancel|can't on/);
    const callerHeard = caller.recording().heard;
    const calleeHeard = callee.recording().heard;
    const hint = await line8k(HINT);
    expect(envelopeMatch(calleeHeard, hint, 8000)).toBeGreaterThan(0.8);
    expect(envelopeMatch(callerHeard, hint, 8000)).toBeLessThan(0.6);
    expect(envelopeMatch(callerHeard, await line8k(DEFAULT_GREETING), 8000)).toBeGreaterThan(0.8);
  });
});

/** Waits until the app's states contain `sequence` in order. */
async function waitForStates(callId: string, sequence: readonly string[]): Promise<void> {
  const contains = () => {
    let at = 0;
    for (const state of rig.states(callId)) if (state === sequence[at]) at += 1;
    return at >= sequence.length;
  };
  const deadline = Date.now() + 40_000;
  while (!contains()) {
    if (Date.now() > deadline)
      throw new Error(
        `states ${rig.states(callId).join(', ')} never held ${sequence.join(', ')}; app heard ${rig.recognised.join(' | ')}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
