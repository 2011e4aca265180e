import { AudioFrame } from '@warmline/contracts';
import { bytesCodec, protoCodec } from '../codec/codec';
import type { MalformedMessageError } from '../errors/malformedMessageError';
import { unique, useNats } from '../testSupport/natsTest';
import { publish } from './publish';
import { type Delivery, onMessage, subscribe } from './subscribe';

const frames = protoCodec(AudioFrame);
const frame = (sequence: number) =>
  AudioFrame.fromPartial({
    callId: 'c1',
    sequence,
    sampleRate: 8000,
    pcm: Buffer.alloc(320, sequence),
  });

describe('core publish / subscribe', () => {
  const nats = useNats();

  it('delivers typed frames in order to an async iterator, and unsubscribe ends the iteration', async () => {
    const bus = await nats.connect();
    const subject = `media.${unique('c')}.in`;
    const stream = subscribe(bus, subject, frames);
    for (let i = 1; i <= 3; i++) publish(bus, subject, frames, frame(i));
    await bus.nc.flush();

    const seen: number[] = [];
    for await (const delivery of stream) {
      seen.push(delivery.value.sequence);
      expect(delivery.value.pcm).toEqual(Buffer.alloc(320, delivery.value.sequence));
      if (seen.length === 3) stream.unsubscribe();
    }
    expect(seen).toEqual([1, 2, 3]);
  });

  it('drops a malformed frame, reports it, and keeps delivering', async () => {
    const bus = await nats.connect();
    const subject = `media.${unique('c')}.in`;
    const malformed: MalformedMessageError[] = [];
    const received: Delivery<AudioFrame>[] = [];
    const listener = onMessage(bus, subject, frames, (d) => received.push(d), {
      onMalformed: (error) => malformed.push(error),
    });
    publish(bus, subject, bytesCodec, Uint8Array.from([0x0a, 0x64, 0x01]));
    publish(bus, subject, frames, frame(7));
    await bus.nc.flush();
    await listener.drain();

    expect(malformed).toHaveLength(1);
    expect(malformed[0]).toMatchObject({ name: 'MalformedMessageError', subject });
    expect(received.map((d) => d.value.sequence)).toEqual([7]);
  });

  it('splits a queue group: each frame reaches exactly one member', async () => {
    const [a, b, producer] = await Promise.all([nats.connect(), nats.connect(), nats.connect()]);
    const subject = `media.${unique('c')}.out`;
    const got = { a: [] as number[], b: [] as number[] };
    const la = onMessage(a, subject, frames, (d) => got.a.push(d.value.sequence), { queue: 'tts' });
    const lb = onMessage(b, subject, frames, (d) => got.b.push(d.value.sequence), { queue: 'tts' });
    await Promise.all([a.nc.flush(), b.nc.flush()]);
    for (let i = 0; i < 50; i++) publish(producer, subject, frames, frame(i));
    await producer.nc.flush();
    await Promise.all([a.nc.flush(), b.nc.flush()]);
    await Promise.all([la.drain(), lb.drain()]);

    expect([...got.a, ...got.b].sort((x, y) => x - y)).toEqual([...Array(50).keys()]);
  });

  it('a handler that throws does not end the subscription', async () => {
    const bus = await nats.connect();
    const subject = `media.${unique('c')}.in`;
    const errors: unknown[] = [];
    const seen: number[] = [];
    const listener = onMessage(
      bus,
      subject,
      frames,
      (d) => {
        seen.push(d.value.sequence);
        if (d.value.sequence === 1) throw new Error('handler bug');
      },
      { onError: (e) => errors.push(e) },
    );
    publish(bus, subject, frames, frame(1));
    publish(bus, subject, frames, frame(2));
    await bus.nc.flush();
    await listener.drain();
    expect(seen).toEqual([1, 2]);
    expect(errors).toEqual([new Error('handler bug')]);
  });
});
