import { LocalCallRig } from '@warmline/example-kit/testing';
import { runReception } from '../app';
import { routeFor } from '../domain/reception';
import {
  CONTACTS_COLLECTION,
  type ContactDocument,
  LEADS_COLLECTION,
  type LeadDocument,
  MongoReceptionStore,
} from '../mongoReceptionStore';
import { FliteSynthesizer } from '@warmline/example-kit';

const KNOWN = '+15550100201';
const UNKNOWN = '+15550100202';
const DAVID = { phone: KNOWN, name: 'David Tan', tier: 'standard' } as const;
const LEAD_GREETING = routeFor({
  lead: { phone: UNKNOWN, firstCallAt: new Date(0), calls: 1 },
}).greeting;
let rig: LocalCallRig;

beforeAll(async () => {
  rig = await LocalCallRig.start({}, (r) => {
    runReception({
      client: r.client,
      synthesizer: new FliteSynthesizer({ sampleRate: 16000 }),
      store: new MongoReceptionStore(r.db),
    });
  });
  await rig.db
    .collection<ContactDocument>(CONTACTS_COLLECTION)
    .insertOne({ _id: KNOWN, name: DAVID.name, tier: DAVID.tier });
});

afterAll(async () => {
  await rig?.stop();
});

/** A call from `from` that the app answers, then hands to the human line and leaves. */
const handedOver = async (from: string) => {
  const call = await rig.dial(from);
  await rig.reached(call.callId, 'TERMINATED');
  expect(rig.states(call.callId)).toEqual([
    'PENDING',
    'ANSWERED',
    'CONNECTED',
    'TERMINATED:AGENT_LEFT',
  ]);
  // connect() became a Twilio <Dial> to the connector's human line.
  expect(call.dial()?.destination).toBe(rig.stack.carrier.humanNumber);
  return call;
};

describe('database lookup through the real gateway', () => {
  it('greets a known caller by name, then connects the callee and leaves', async () => {
    const call = await handedOver(KNOWN);
    // The whole greeting played before the transfer (about 5 s), and it was the known-caller one.
    const greeting = routeFor({ contact: DAVID }).greeting;
    expect(await rig.heardLine(call, greeting)).toBeGreaterThan(0.8);
    expect(await rig.heardLine(call, LEAD_GREETING)).toBeLessThan(0.6);
  });

  it('records an unknown caller as a lead and hands them to sales', async () => {
    const call = await handedOver(UNKNOWN);
    const lead = await rig.db.collection<LeadDocument>(LEADS_COLLECTION).findOne({ _id: UNKNOWN });
    expect(lead).toMatchObject({ calls: 1, source: 'inbound-call' });
    expect(await rig.heardLine(call, LEAD_GREETING)).toBeGreaterThan(0.8);
    expect(await rig.heardLine(call, routeFor({ contact: DAVID }).greeting)).toBeLessThan(0.6);
  });
});
