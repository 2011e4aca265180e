import type { LocalCallRig } from '@warmline/example-kit/testing';
import { DEFAULT_LINES, type Voicemail } from '../domain/voicemail';
import { VOICEMAILS_COLLECTION, type VoicemailDocument } from '../mongoVoicemailStore';
import { startVoicemailRig } from './voicemailRig';

const TUESDAY_NOON_UTC = new Date('2026-11-24T12:00:00Z');
const SUNDAY_NOON_UTC = new Date('2026-11-29T12:00:00Z');
let now = SUNDAY_NOON_UTC;
let rig: LocalCallRig;
const notified: Voicemail[] = [];

beforeAll(async () => {
  rig = await startVoicemailRig(
    {},
    { clock: () => now, notify: async (voicemail) => void notified.push(voicemail) },
  );
});

afterAll(async () => {
  await rig?.stop();
});

describe('after-hours voicemail through the real gateway', () => {
  it('after hours: prompt, record until the caller stops, transcribe, store, notify, goodbye, disconnect', async () => {
    now = SUNDAY_NOON_UTC;
    const call = await rig.dial();
    await rig.reached(call.callId, 'ANSWERED');
    await rig.agentDone(call);
    expect(await rig.heardLine(call, DEFAULT_LINES.prompt)).toBeGreaterThan(0.8);
    const afterPrompt = call.caller.heardFrames.length;

    await rig.say(call, 'Hi, this is David. Please call me back about my order.');
    await rig.pause(call, 3_500); // the caller stops talking and waits

    await rig.reached(call.callId, 'TERMINATED');
    expect(rig.states(call.callId)).toEqual(['PENDING', 'ANSWERED', 'TERMINATED:DISCONNECTED']);
    const saved = await rig.db
      .collection<VoicemailDocument>(VOICEMAILS_COLLECTION)
      .findOne({ _id: call.callId });
    expect(saved).toMatchObject({ callerNumber: rig.stack.carrier.callerNumber });
    expect(saved?.transcript).toMatch(/call me back|order/);
    expect(saved?.durationMs).toBeGreaterThan(2_000);
    expect(notified.map((v) => v.callId)).toContain(call.callId);
    expect(await rig.heardLine(call, DEFAULT_LINES.goodbye, afterPrompt)).toBeGreaterThan(0.8);
  });

  it('in business hours: connects before answering and leaves, no voicemail', async () => {
    now = TUESDAY_NOON_UTC;
    const call = await rig.dial();
    await rig.reached(call.callId, 'TERMINATED');
    expect(rig.states(call.callId)).toEqual(['PENDING', 'CONNECTED', 'TERMINATED:AGENT_LEFT']);
    expect(call.dial()?.callId).toBe(call.callId);
    expect(call.caller.heardFrames.length).toBe(0); // the AI never spoke
    const saved = await rig.db
      .collection<VoicemailDocument>(VOICEMAILS_COLLECTION)
      .findOne({ _id: call.callId });
    expect(saved).toBeNull();
  });
});
