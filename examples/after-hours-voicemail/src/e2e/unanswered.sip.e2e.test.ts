import type { LocalCallRig } from '@warmline/example-kit/testing';
import { DEFAULT_LINES } from '../domain/voicemail';
import { VOICEMAILS_COLLECTION, type VoicemailDocument } from '../mongoVoicemailStore';
import { startVoicemailRig } from './voicemailRig';

const TUESDAY_NOON_UTC = new Date('2026-11-24T12:00:00Z');
let rig: LocalCallRig;

beforeAll(async () => {
  // The human's phone (baresip) rings and nobody picks it up.
  rig = await startVoicemailRig(
    { sip: { callee: 'no-answer' } },
    { clock: () => TUESDAY_NOON_UTC, ringTimeSeconds: 4 },
  );
});

afterAll(async () => {
  await rig?.stop();
});

describe('after-hours voicemail over SIP when nobody answers in business hours', () => {
  it('connects before answering; unanswered, it answers, records the voicemail and says goodbye', async () => {
    const { callId, caller } = await rig.dialSip([
      { quietMs: 14_000 }, // the ring, then the prompt
      { say: 'Hi, this is David. Please call me back about my order.' },
      { quietMs: 60_000 },
    ]);
    await rig.reached(callId, 'TERMINATED', 60_000);
    expect(rig.states(callId)).toEqual([
      'PENDING',
      'CONNECT_FAILED:CALL_UNANSWERED',
      'ANSWERED',
      'TERMINATED:DISCONNECTED',
    ]);
    // The callee's phone rang and was never answered.
    expect(rig.sip!.parties.callee.seen('CALL_INCOMING').length).toBeGreaterThan(0);
    expect(rig.sip!.parties.callee.seen('CALL_ESTABLISHED')).toEqual([]);

    const saved = await rig.db
      .collection<VoicemailDocument>(VOICEMAILS_COLLECTION)
      .findOne({ _id: callId });
    expect(saved?.transcript).toMatch(/call me back|order/);
    expect(saved?.durationMs).toBeGreaterThan(2_000);

    await caller.waitForEvent('CALL_CLOSED', 10_000);
    const { heard, rate } = caller.recording();
    expect(await rig.lineMatch(heard, rate, DEFAULT_LINES.prompt)).toBeGreaterThan(0.8);
    expect(await rig.lineMatch(heard, rate, DEFAULT_LINES.goodbye)).toBeGreaterThan(0.8);
  });
});
