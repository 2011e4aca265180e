import { FliteSynthesizer, type SpeechSynthesizer } from '@warmline/example-kit';
import { LocalCallRig, envelopeMatch } from '@warmline/example-kit/testing';
import { pcmFromBytes } from '@warmline/audio';
import { runHumanEscalation } from '../app';
import { MongoContextStore } from '../mongoContextStore';
import { profileDecider } from '../turnDecider';

const TRANSITION = 'Let me connect you with a specialist who can help.';
let rig: LocalCallRig;
/** Every line the app synthesised, in order; the briefing is the one after the transition. */
const spoken: string[] = [];
const caller8k = new FliteSynthesizer({ sampleRate: 8000 });

beforeAll(async () => {
  rig = await LocalCallRig.start({ recognizer: true, sip: true }, (r) => {
    const flite = new FliteSynthesizer({ sampleRate: 16000 });
    const synthesizer: SpeechSynthesizer = {
      sampleRate: flite.sampleRate,
      synthesize: (text) => {
        spoken.push(text);
        return flite.synthesize(text);
      },
    };
    runHumanEscalation({
      client: r.client,
      recognizer: r.recognizer!,
      synthesizer,
      decide: profileDecider(),
      contextStore: new MongoContextStore(r.db),
      briefing: true,
    });
  });
});

afterAll(async () => {
  await rig?.stop();
});

const line8k = async (text: string) => pcmFromBytes(await caller8k.synthesize(text));

describe('the warm-transfer briefing over SIP (baresip caller and callee, gateway mixer)', () => {
  it('is heard by the callee and not by the caller, shown by the recordings of both legs', async () => {
    const { callId, caller } = await rig.dialSip([
      { quietMs: 1_500 },
      { say: 'I want to talk to a real person.' },
      { quietMs: 60_000 },
    ]);
    await rig.reached(callId, 'TERMINATED', 60_000, () => `app said ${spoken.join(' | ')}`);
    expect(rig.states(callId)).toEqual([
      'PENDING',
      'ANSWERED',
      'CONNECTED',
      'MODE:WHISPER',
      'TERMINATED:AGENT_LEFT',
    ]);
    const briefing = spoken[spoken.indexOf(TRANSITION) + 1];
    expect(briefing).toMatch(/^Transferring a caller: they asked to speak to a person\./);

    // Caller and callee stay connected after the AI left; then the caller hangs up.
    const callee = rig.sip!.parties.callee;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await caller.hangup();
    await Promise.all([
      caller.waitForEvent('CALL_CLOSED', 10_000),
      callee.waitForEvent('CALL_CLOSED', 10_000),
    ]);
    const callerHeard = caller.recording().heard;
    const calleeHeard = callee.recording().heard;
    const briefing8k = await line8k(briefing!);
    expect(envelopeMatch(calleeHeard, briefing8k, 8000)).toBeGreaterThan(0.8);
    expect(envelopeMatch(callerHeard, briefing8k, 8000)).toBeLessThan(0.6);
    // The caller did hear the agent: the transition line, before the transfer.
    expect(envelopeMatch(callerHeard, await line8k(TRANSITION), 8000)).toBeGreaterThan(0.8);
  });
});
