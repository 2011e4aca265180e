import { FliteSynthesizer } from '@warmline/example-kit';
import { LocalCallRig } from '@warmline/example-kit/testing';
import { runNotifications } from '../app';
import { lines } from '../domain/notifications';
import {
  MongoNotificationStore,
  NOTIFICATIONS_COLLECTION,
  type NotificationDocument,
  RECIPIENTS_COLLECTION,
  type RecipientDocument,
} from '../mongoNotificationStore';

const PARCEL = 'Your parcel will arrive tomorrow between nine and twelve.';
const PAYMENT = 'Your card payment of forty dollars is due on Friday.';
let rig: LocalCallRig;

beforeAll(async () => {
  rig = await LocalCallRig.start({ recognizer: true }, (r) => {
    runNotifications({
      client: r.client,
      recognizer: r.appRecognizer,
      synthesizer: new FliteSynthesizer({ sampleRate: 16000 }),
      store: new MongoNotificationStore(r.db),
    });
  });
  const phone = rig.stack.carrier.callerNumber;
  await rig.db
    .collection<RecipientDocument>(RECIPIENTS_COLLECTION)
    .insertOne({ _id: phone, name: 'David' });
  await rig.db.collection<NotificationDocument>(NOTIFICATIONS_COLLECTION).insertMany([
    { _id: 'n-1', phone, text: PARCEL, status: 'pending', createdAt: new Date(1) },
    { _id: 'n-2', phone, text: PAYMENT, status: 'pending', createdAt: new Date(2) },
    { _id: 'n-other', phone: '+15550100999', text: 'x', status: 'pending', createdAt: new Date(3) },
  ]);
});

afterAll(async () => {
  await rig?.stop();
});

const notification = (id: string) =>
  rig.db.collection<NotificationDocument>(NOTIFICATIONS_COLLECTION).findOne({ _id: id });

describe('interactive notifications through the real gateway', () => {
  it('reads each pending notification, marks it by the reply, says goodbye and disconnects', async () => {
    const call = await rig.dial();
    await rig.reached(call.callId, 'ANSWERED');
    await rig.agentDone(call);
    expect(await rig.heardLine(call, lines.greeting('David', 2))).toBeGreaterThan(0.8);
    expect(await rig.heardLine(call, lines.read(0, 2, PARCEL))).toBeGreaterThan(0.8);

    const beforeSecond = call.caller.heardFrames.length;
    await rig.say(call, 'Okay, that is correct.');
    await rig.heardSpeech(call, beforeSecond);
    await rig.agentDone(call);
    expect(await rig.heardLine(call, lines.read(1, 2, PAYMENT), beforeSecond)).toBeGreaterThan(0.8);

    const beforeGoodbye = call.caller.heardFrames.length;
    await rig.say(call, 'No, something is wrong.');
    await rig.reached(call.callId, 'TERMINATED', 30_000, () => rig.recognised.join(' | '));
    expect(rig.states(call.callId)).toEqual(['PENDING', 'ANSWERED', 'TERMINATED:DISCONNECTED']);
    expect(await notification('n-1')).toMatchObject({
      status: 'acknowledged',
      answeredOnCall: call.callId,
    });
    expect(await notification('n-2')).toMatchObject({ status: 'flagged' });
    expect(await notification('n-other')).toMatchObject({ status: 'pending' });
    expect(await rig.heardLine(call, lines.goodbye, beforeGoodbye)).toBeGreaterThan(0.8);
  });
});
