import { FliteSynthesizer } from '@warmline/example-kit';
import { LocalCallRig } from '@warmline/example-kit/testing';
import { runBooking } from '../app';
import { lines } from '../domain/booking';
import { MongoBookingStore } from '../mongoBookingStore';

let rig: LocalCallRig;

beforeAll(async () => {
  // The human's phone (baresip) is busy: it rejects the transfer with 486 Busy Here.
  rig = await LocalCallRig.start({ recognizer: true, sip: { callee: 'busy' } }, (r) => {
    runBooking({
      client: r.client,
      recognizer: r.appRecognizer,
      synthesizer: new FliteSynthesizer({ sampleRate: 16000 }),
      store: new MongoBookingStore(r.db),
      timeZone: 'UTC',
      clock: () => new Date('2030-03-01T00:00:00Z'),
    });
  });
});

afterAll(async () => {
  await rig?.stop();
});

describe('appointment booking over SIP when the transfer to a human fails', () => {
  it('an unknown caller: handoff line, connect fails (busy), apology, disconnect', async () => {
    const { callId, caller } = await rig.dialSip([{ quietMs: 60_000 }]);
    await rig.reached(callId, 'TERMINATED', 60_000);
    expect(rig.states(callId)).toEqual([
      'PENDING',
      'ANSWERED',
      'CONNECT_FAILED:CALLEE_BUSY',
      'TERMINATED:DISCONNECTED',
    ]);
    const callee = rig.sip!.parties.callee;
    expect(callee.seen('CALL_INCOMING').length).toBeGreaterThan(0);
    expect(callee.seen('CALL_ESTABLISHED')).toEqual([]);

    await caller.waitForEvent('CALL_CLOSED', 10_000);
    const { heard, rate } = caller.recording();
    expect(await rig.lineMatch(heard, rate, lines.handoff['unknown-caller'])).toBeGreaterThan(0.8);
    expect(await rig.lineMatch(heard, rate, lines.unanswered)).toBeGreaterThan(0.8);
  });
});
