import { AudioFrame } from '@warmline/contracts';
import { protoCodec } from '../codec/codec';
import { publish } from '../core/publish';
import { subscribe } from '../core/subscribe';
import { useNats } from '../testSupport/natsTest';
import { connectBus } from './connectBus';

const frames = protoCodec(AudioFrame);
const frame = (sequence: number) =>
  AudioFrame.fromPartial({ callId: 'c1', sequence, sampleRate: 8000 });

describe('connectBus', () => {
  const nats = useNats();

  it('connects with a name and JetStream clients, and drain() closes the connection', async () => {
    const bus = await connectBus({ servers: nats.server().url, name: 'call-control' });
    expect(bus.nc.info?.jetstream).toBe(true);
    const account = await bus.jsm.getAccountInfo();
    expect(account.limits).toBeDefined();
    await bus.drain();
    expect(bus.nc.isClosed()).toBe(true);
    await expect(bus.closed()).resolves.toBeUndefined();
  });

  it('reconnects after the server restarts and keeps its subscriptions', async () => {
    const bus = await nats.connect('reconnecting');
    const stream = subscribe(bus, 'media.c1.in', frames);
    const received = stream[Symbol.asyncIterator]();

    const reconnected = (async () => {
      for await (const status of bus.nc.status()) if (status.type === 'reconnect') return;
    })();
    await nats.server().restart();
    await reconnected;
    publish(bus, 'media.c1.in', frames, frame(1));
    const next = await received.next();
    expect(next.done).toBe(false);
    expect(next.done ? undefined : next.value.value.sequence).toBe(1);
    stream.unsubscribe();
  });

  it('fails fast when no server listens', async () => {
    await expect(
      connectBus({ servers: 'nats://127.0.0.1:1', name: 'nowhere', timeoutMs: 500 }),
    ).rejects.toThrow();
  });
});
