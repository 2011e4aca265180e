import { allStreams } from '@warmline/contracts';
import { ConcurrencyError, PublishRejectedError } from '../errors/storeErrors';
import { callEvent, callEventCodec, testStream, unique, useNats } from '../testSupport/natsTest';
import { ensureStreams } from './ensureStreams';
import { publishToStream } from './publishToStream';

describe('ensureStreams', () => {
  const nats = useNats();

  it("creates the platform's topology with file storage, direct get and atomic batches, idempotently", async () => {
    const bus = await nats.connect();
    const first = await ensureStreams(bus, allStreams);
    const again = await ensureStreams(bus, allStreams);
    expect(again.map((s) => s.config.name)).toEqual(first.map((s) => s.config.name));
    const calls = await bus.jsm.streams.info('CALL_EVENTS');
    expect(calls.config).toMatchObject({
      subjects: ['evt.call.*'],
      retention: 'limits',
      storage: 'file',
      num_replicas: 1,
      allow_direct: true,
      allow_atomic: true,
      duplicate_window: 120_000_000_000,
    });
    expect((await bus.jsm.streams.info('CALL_COMMANDS')).config.retention).toBe('workqueue');
  });

  it('updates a stream whose settings changed', async () => {
    const bus = await nats.connect();
    const topology = testStream();
    await ensureStreams(bus, [topology]);
    const [updated] = await ensureStreams(bus, [topology], { duplicateWindowMs: 5_000 });
    expect(updated?.config.duplicate_window).toBe(5_000_000_000);
  });
});

describe('publishToStream', () => {
  const nats = useNats();

  it('stores a message once when it is published twice with the same event id', async () => {
    const bus = await nats.connect();
    const topology = testStream();
    await ensureStreams(bus, [topology]);
    const subject = `${topology.prefix}.call-1`;
    const event = callEvent(unique('e'));

    const first = await publishToStream(bus, subject, callEventCodec, event, {
      msgId: event.eventId,
    });
    const second = await publishToStream(bus, subject, callEventCodec, event, {
      msgId: event.eventId,
    });

    expect(first).toMatchObject({ stream: topology.name, seq: 1, duplicate: false });
    expect(second).toMatchObject({ seq: 1, duplicate: true });
    expect((await bus.jsm.streams.info(topology.name)).state.messages).toBe(1);
    const stored = await bus.jsm.streams.getMessage(topology.name, { seq: 1 });
    expect(stored && callEventCodec.decode(stored.data)).toEqual(event);
  });

  it('raises ConcurrencyError when the subject is not at the expected sequence', async () => {
    const bus = await nats.connect();
    const topology = testStream();
    await ensureStreams(bus, [topology]);
    const subject = `${topology.prefix}.call-1`;
    await publishToStream(bus, subject, callEventCodec, callEvent('a'), {
      msgId: unique('a'),
      expectedLastSubjectSequence: 0,
    });

    const late = publishToStream(bus, subject, callEventCodec, callEvent('b'), {
      msgId: unique('b'),
      expectedLastSubjectSequence: 0,
    });
    await expect(late).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(late).rejects.toMatchObject({
      subject,
      expectedVersion: 0,
      actualVersion: 1,
      retryable: true,
    });
  });

  it('reports a subject no stream captures as a typed rejection', async () => {
    const bus = await nats.connect();
    await expect(
      publishToStream(bus, unique('nostream'), callEventCodec, callEvent('x'), { msgId: 'x' }),
    ).rejects.toBeInstanceOf(PublishRejectedError);
  });
});
