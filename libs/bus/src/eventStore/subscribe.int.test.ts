import type { CallEvent } from '@warmline/contracts';
import { waitFor } from '@warmline/testing';
import { bytesCodec } from '../codec/codec';
import type { MalformedMessageError } from '../errors/malformedMessageError';
import { ensureStreams } from '../jetstream/ensureStreams';
import { publishToStream } from '../jetstream/publishToStream';
import { callEvent, callEventCodec, testStream, useNats } from '../testSupport/natsTest';
import { createEventStore } from './createEventStore';
import type { EventSubscription, StoredEvent } from './types';

describe('event store: subscribe', () => {
  const nats = useNats();
  const subscriptions: EventSubscription[] = [];
  afterEach(async () => {
    await Promise.all(subscriptions.splice(0).map((s) => s.stop()));
  });

  const setup = async () => {
    const bus = await nats.connect();
    const topology = testStream();
    await ensureStreams(bus, [topology]);
    const store = createEventStore({
      bus,
      stream: topology.name,
      codec: callEventCodec,
      eventId: (e) => e.eventId,
    });
    const all = `${topology.prefix}.*`;
    const subject = (callId: string) => `${topology.prefix}.${callId}`;
    return { bus, topology, store, all, subject };
  };
  const follow = async (
    store: Awaited<ReturnType<typeof setup>>['store'],
    ...args: Parameters<typeof store.subscribe>
  ) => {
    const subscription = await store.subscribe(...args);
    subscriptions.push(subscription);
    return subscription;
  };
  const received = () => {
    const seen: StoredEvent<CallEvent>[] = [];
    const until = (n: number) => waitFor(() => (seen.length >= n ? seen : undefined));
    return { seen, until, handler: (e: StoredEvent<CallEvent>) => void seen.push(e) };
  };

  it('from a sequence sees only the events from there on, across aggregates, in order', async () => {
    const { store, all, subject } = await setup();
    await store.append(subject('c1'), [callEvent('e1'), callEvent('e2')], { expectedVersion: 0 });
    await store.append(subject('c2'), [callEvent('e3')], { expectedVersion: 0 });
    const r = received();
    await follow(store, all, { fromSequence: 3 }, r.handler);
    await store.append(subject('c1'), [callEvent('e4')], { expectedVersion: 2 });
    await r.until(2);
    expect(r.seen.map((e) => [e.event.eventId, e.sequence, e.subject])).toEqual([
      ['e3', 3, subject('c2')],
      ['e4', 4, subject('c1')],
    ]);
  });

  it('with deliverNew sees only events appended after it started', async () => {
    const { store, all, subject } = await setup();
    await store.append(subject('c1'), [callEvent('old')], { expectedVersion: 0 });
    const r = received();
    await follow(store, all, { deliverNew: true }, r.handler);
    await store.append(subject('c1'), [callEvent('new')], { expectedVersion: 1 });
    await r.until(1);
    expect(r.seen.map((e) => e.event.eventId)).toEqual(['new']);
  });

  it('from the beginning, filtered to one aggregate, skipping a malformed event', async () => {
    const { bus, store, subject } = await setup();
    await store.append(subject('c1'), [callEvent('e1')], { expectedVersion: 0 });
    await publishToStream(bus, subject('c1'), bytesCodec, Uint8Array.from([0x0a, 0x64, 0x01]), {
      msgId: 'bad',
    });
    await store.append(subject('c2'), [callEvent('elsewhere')], { expectedVersion: 0 });
    await store.append(subject('c1'), [callEvent('e2')], { expectedVersion: 2 });
    const malformed: MalformedMessageError[] = [];
    const r = received();
    await follow(store, subject('c1'), {}, r.handler, { onMalformed: (e) => malformed.push(e) });
    await r.until(2);
    expect(r.seen.map((e) => e.event.eventId)).toEqual(['e1', 'e2']);
    expect(malformed.map((e) => e.sequence)).toEqual([2]);
  });

  it('stops, rejecting closed, when the handler throws', async () => {
    const { store, all, subject } = await setup();
    await store.append(subject('c1'), [callEvent('e1'), callEvent('e2')], { expectedVersion: 0 });
    const seen: string[] = [];
    const subscription = await follow(store, all, {}, (e) => {
      seen.push(e.event.eventId);
      throw new Error('projection bug');
    });
    await expect(subscription.closed).rejects.toThrow('projection bug');
    expect(seen).toEqual(['e1']);
  });
});
