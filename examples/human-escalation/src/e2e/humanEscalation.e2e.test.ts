import { FliteSynthesizer } from '@warmline/example-kit';
import { LocalCallRig } from '@warmline/example-kit/testing';
import { runHumanEscalation } from '../app';
import { CONTEXTS_COLLECTION, type ContextDocument, MongoContextStore } from '../mongoContextStore';
import { profileDecider } from '../turnDecider';

const TRANSITION = 'Let me connect you with a specialist who can help.';
let rig: LocalCallRig;

beforeAll(async () => {
  rig = await LocalCallRig.start({ recognizer: true }, (r) => {
    runHumanEscalation({
      client: r.client,
      recognizer: r.appRecognizer,
      synthesizer: new FliteSynthesizer({ sampleRate: 16000 }),
      decide: profileDecider(),
      contextStore: new MongoContextStore(r.db),
    });
  });
});

afterAll(async () => {
  await rig?.stop();
});

describe('human escalation through the real gateway', () => {
  it('escalates a request for a human: context saved, transition line heard, connect, close', async () => {
    const call = await rig.dial();
    await rig.reached(call.callId, 'ANSWERED');
    const attempts = await rig.sayUntil(
      call,
      'I want to talk to a real person.',
      'CONNECTED',
      3,
      () => `app heard ${rig.recognised.join(' | ')}`,
    );
    console.log(
      `escalated after ${attempts} attempt(s); the app heard: ${rig.recognised.join(' | ')}`,
    );
    await rig.reached(call.callId, 'TERMINATED');
    // The briefing step runs between CONNECTED and leaving; over a Twilio stream the carrier has
    // bridged the callee, so nobody hears it (the SIP test checks who hears the briefing).
    const states = rig.states(call.callId);
    expect(states.filter((s) => !s.startsWith('MODE:'))).toEqual([
      'PENDING',
      'ANSWERED',
      'CONNECTED',
      'TERMINATED:AGENT_LEFT',
    ]);
    expect(call.dial()?.statusCallbackUrl).toContain(call.callId);
    const saved = await rig.db
      .collection<ContextDocument>(CONTEXTS_COLLECTION)
      .findOne({ _id: call.callId });
    expect(saved).toMatchObject({
      callerNumber: rig.stack.carrier.callerNumber,
      reason: 'CALLER_ASKED',
    });
    expect(saved?.turns.find((t) => t.role === 'caller')?.text).toMatch(/person|talk/);
    // The caller heard the whole transition line before the transfer took their stream.
    expect(await rig.heardLine(call, TRANSITION)).toBeGreaterThan(0.8);
  });

  it('answers a question that needs no human, and never connects', async () => {
    const call = await rig.dial();
    await rig.reached(call.callId, 'ANSWERED');
    await rig.say(call, 'What are your opening hours?');
    await rig.heardSpeech(call);
    await rig.agentDone(call);
    await call.caller.hangUp();

    await rig.reached(call.callId, 'TERMINATED');
    expect(rig.states(call.callId)).toEqual(['PENDING', 'ANSWERED', 'TERMINATED:CALLER_HUNG_UP']);
    expect(call.dial()).toBeUndefined();
    expect(await rig.heardLine(call, TRANSITION)).toBeLessThan(0.6);
    const saved = await rig.db
      .collection<ContextDocument>(CONTEXTS_COLLECTION)
      .findOne({ _id: call.callId });
    expect(saved).toBeNull();
  });
});
