import { FliteSynthesizer } from '@warmline/example-kit';
import { LocalCallRig } from '@warmline/example-kit/testing';
import { runBooking } from '../app';
import { lines, spokenSlot } from '../domain/booking';
import {
  CUSTOMERS_COLLECTION,
  type CustomerDocument,
  MongoBookingStore,
  SLOTS_COLLECTION,
  type SlotDocument,
} from '../mongoBookingStore';

const FIRST = new Date('2030-03-05T09:00:00Z');
const SECOND = new Date('2030-03-06T14:30:00Z');
const say = (d: Date) => spokenSlot(d, 'UTC');
let rig: LocalCallRig;

beforeAll(async () => {
  rig = await LocalCallRig.start({ recognizer: true }, (r) => {
    runBooking({
      client: r.client,
      recognizer: r.appRecognizer,
      synthesizer: new FliteSynthesizer({ sampleRate: 16000 }),
      store: new MongoBookingStore(r.db),
      timeZone: 'UTC',
      clock: () => new Date('2030-03-01T00:00:00Z'),
    });
  });
  await rig.db
    .collection<CustomerDocument>(CUSTOMERS_COLLECTION)
    .insertOne({ _id: rig.stack.carrier.callerNumber, name: 'David' });
  await rig.db.collection<SlotDocument>(SLOTS_COLLECTION).insertMany([
    { _id: 'slot-1', startsAt: FIRST, bookedBy: null },
    { _id: 'slot-2', startsAt: SECOND, bookedBy: null },
  ]);
});

afterAll(async () => {
  await rig?.stop();
});

const slot = (id: string) => rig.db.collection<SlotDocument>(SLOTS_COLLECTION).findOne({ _id: id });

describe('appointment booking through the real gateway', () => {
  it('identifies the caller, offers slots one by one, books the accepted one and confirms', async () => {
    const call = await rig.dial();
    await rig.reached(call.callId, 'ANSWERED');
    await rig.agentDone(call);
    expect(await rig.heardLine(call, lines.firstOffer('David', say(FIRST)))).toBeGreaterThan(0.8);

    const beforeNext = call.caller.heardFrames.length;
    await rig.say(call, 'No, thank you.');
    await rig.heardSpeech(call, beforeNext);
    await rig.agentDone(call);
    expect(await rig.heardLine(call, lines.nextOffer(say(SECOND)), beforeNext)).toBeGreaterThan(
      0.8,
    );

    const beforeConfirm = call.caller.heardFrames.length;
    await rig.say(call, 'Okay, that is correct.');
    await rig.reached(call.callId, 'TERMINATED', 30_000, () => rig.recognised.join(' | '));
    expect(rig.states(call.callId)).toEqual(['PENDING', 'ANSWERED', 'TERMINATED:DISCONNECTED']);
    expect(await slot('slot-2')).toMatchObject({ bookedBy: rig.stack.carrier.callerNumber });
    expect(await slot('slot-1')).toMatchObject({ bookedBy: null });
    expect(await rig.heardLine(call, lines.booked(say(SECOND)), beforeConfirm)).toBeGreaterThan(
      0.8,
    );
    expect(call.dial()).toBeUndefined();
  });

  it('hands an unknown caller to a human: connect, close', async () => {
    const call = await rig.dial('+15550100999');
    await rig.reached(call.callId, 'TERMINATED');
    expect(rig.states(call.callId)).toEqual([
      'PENDING',
      'ANSWERED',
      'CONNECTED',
      'TERMINATED:AGENT_LEFT',
    ]);
    expect(call.dial()?.callId).toBe(call.callId);
    expect(await rig.heardLine(call, lines.handoff['unknown-caller'])).toBeGreaterThan(0.8);
  });
});
