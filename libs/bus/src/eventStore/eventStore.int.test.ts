import type { CallEvent } from '@warmline/contracts';
import { ConcurrencyError, DuplicateEventError } from '../errors/storeErrors';
import { ensureStreams } from '../jetstream/ensureStreams';
import { callEvent, callEventCodec, testStream, unique, useNats } from '../testSupport/natsTest';
import { createEventStore } from './createEventStore';

describe('event store: append and read', () => {
  const nats = useNats();

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
    const subject = (callId: string) => `${topology.prefix}.${callId}`;
    return { bus, topology, store, subject };
  };
  const ids = (events: readonly { event: CallEvent }[]) => events.map((e) => e.event.eventId);

  it('appends a new aggregate, reads it back in order, and folds it', async () => {
    const { store, subject } = await setup();
    const s = subject('c1');
    const first = await store.append(s, [callEvent('e1'), callEvent('e2')], {
      expectedVersion: 'no-stream',
    });
    const second = await store.append(s, [callEvent('e3')], { expectedVersion: first.version });
    expect(first).toEqual({ version: 2, duplicate: false });
    expect(second).toEqual({ version: 3, duplicate: false });

    const read = await store.read(s);
    expect(read.version).toBe(3);
    expect(ids(read.events)).toEqual(['e1', 'e2', 'e3']);
    expect(read.events.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(read.events[0]?.headers?.get('Nats-Msg-Id')).toBe('e1');

    const { state, version } = await store.aggregate(
      s,
      (digits: string, e) => {
        return digits + (e.payload?.$case === 'dtmfReceived' ? e.payload.value.digit : '?');
      },
      '',
    );
    expect(state).toBe('e1e2e3');
    expect(version).toBe(3);
  });

  it('reads an unknown aggregate as empty at version 0', async () => {
    const { store, subject } = await setup();
    await expect(store.read(subject('nobody'))).resolves.toEqual({ events: [], version: 0 });
  });

  it('reads only its own subject, across several pages', async () => {
    const { store, subject } = await setup();
    const many = Array.from({ length: 600 }, (_, i) => callEvent(`m${i}`));
    await store.append(subject('other'), [callEvent('x1')], { expectedVersion: 0 });
    await store.append(subject('big'), many.slice(0, 300), { expectedVersion: 0 });
    await store.append(subject('other'), [callEvent('x2')], { expectedVersion: 1 });
    await store.append(subject('big'), many.slice(300), { expectedVersion: 301 });
    const read = await store.read(subject('big'));
    expect(read.events).toHaveLength(600);
    expect(ids(read.events)).toEqual(many.map((e) => e.eventId));
    expect(read.version).toBe(602); // x1, 300 big, x2, 300 big
  });

  it('stores a retried append once and reports it as a duplicate', async () => {
    const { bus, topology, store, subject } = await setup();
    const s = subject('c1');
    const events = [callEvent('e1'), callEvent('e2')];
    const first = await store.append(s, events, { expectedVersion: 0 });
    const retry = await store.append(s, events, { expectedVersion: 0 });
    const single = await store.append(s, [callEvent('e2')], { expectedVersion: 'any' });
    expect(retry).toEqual({ version: first.version, duplicate: true });
    expect(single).toEqual({ version: 2, duplicate: true });
    expect((await bus.jsm.streams.info(topology.name)).state.messages).toBe(2);
  });

  it("stores only the new events of a partly repeated append at 'any'", async () => {
    const { store, subject } = await setup();
    const s = subject('c1');
    await store.append(s, [callEvent('e1')], { expectedVersion: 'any' });
    const result = await store.append(s, [callEvent('e1'), callEvent('e2')], {
      expectedVersion: 'any',
    });
    expect(result).toEqual({ version: 2, duplicate: false });
    expect(ids((await store.read(s)).events)).toEqual(['e1', 'e2']);
  });

  it('rejects an event id already used on another aggregate', async () => {
    const { store, subject } = await setup();
    await store.append(subject('c1'), [callEvent('shared')], { expectedVersion: 0 });
    const reuse = store.append(subject('c2'), [callEvent('shared'), callEvent('own')], {
      expectedVersion: 0,
    });
    await expect(reuse).rejects.toBeInstanceOf(DuplicateEventError);
    await expect(store.read(subject('c2'))).resolves.toEqual({ events: [], version: 0 });
  });

  it('lets exactly one of two concurrent appends at the same version win, all or nothing', async () => {
    const { topology, store, subject } = await setup();
    const otherWriter = createEventStore({
      bus: await nats.connect('second-writer'),
      stream: topology.name,
      codec: callEventCodec,
      eventId: (e) => e.eventId,
    });
    const s = subject(unique('c'));
    await store.append(s, [callEvent('start')], { expectedVersion: 'no-stream' });
    const writerA = [callEvent('a1'), callEvent('a2'), callEvent('a3')];
    const writerB = [callEvent('b1'), callEvent('b2')];

    const results = await Promise.allSettled([
      store.append(s, writerA, { expectedVersion: 1 }),
      otherWriter.append(s, writerB, { expectedVersion: 1 }),
    ]);

    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(ConcurrencyError);
    expect(lost[0]).toMatchObject({ subject: s, expectedVersion: 1, retryable: true });
    const winner = won[0] === 0 ? writerA : writerB;
    expect(ids((await store.read(s)).events)).toEqual(['start', ...winner.map((e) => e.eventId)]);
  });

  it('checks the expected version of an empty append', async () => {
    const { store, subject } = await setup();
    const s = subject('c1');
    await store.append(s, [callEvent('e1')], { expectedVersion: 0 });
    await expect(store.append(s, [], { expectedVersion: 1 })).resolves.toEqual({
      version: 1,
      duplicate: false,
    });
    await expect(store.append(s, [], { expectedVersion: 0 })).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
  });
});
