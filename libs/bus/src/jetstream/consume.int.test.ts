import type { CallEvent } from '@warmline/contracts';
import { waitFor } from '@warmline/testing';
import { bytesCodec } from '../codec/codec';
import type { Bus } from '../connection/connectBus';
import { gate, settledConsumer } from '../testSupport/consumerState';
import { callEvent, callEventCodec, testStream, unique, useNats } from '../testSupport/natsTest';
import { type ConsumeHandler, type ConsumerHandle, consume } from './consume';
import { ensureStreams } from './ensureStreams';
import { publishToStream } from './publishToStream';

describe('consume', () => {
  const nats = useNats();
  const handles: ConsumerHandle[] = [];
  afterEach(async () => {
    await Promise.all(handles.splice(0).map((h) => h.stop()));
  });

  /** A fresh stream with a durable consumer running `handler`. */
  const setup = async (handler: ConsumeHandler<CallEvent>, bus?: Bus) => {
    const b = bus ?? (await nats.connect());
    const topology = testStream('workqueue');
    await ensureStreams(b, [topology]);
    const durable = unique('worker');
    const start = async (onBus: Bus, h = handler) => {
      const handle = await consume(onBus, {
        stream: topology.name,
        durable,
        filterSubjects: [`${topology.prefix}.>`],
        codec: callEventCodec,
        handler: h,
        backoffMs: [10],
      });
      handles.push(handle);
      return handle;
    };
    await start(b);
    const send = (id: string) =>
      publishToStream(b, `${topology.prefix}.c1`, callEventCodec, callEvent(id), { msgId: id });
    return { bus: b, topology, durable, send, start };
  };

  it('gets a nak-ed message again, with a higher delivery count', async () => {
    const deliveries: number[] = [];
    const { bus, topology, durable, send } = await setup(async (_event, ctx) => {
      deliveries.push(ctx.deliveryCount);
      return ctx.deliveryCount === 1 ? { nak: 0 } : 'ack';
    });
    await send('e1');
    await waitFor(() => (deliveries.length === 2 ? true : undefined));
    const info = await settledConsumer(bus, topology.name, durable);
    expect(deliveries).toEqual([1, 2]);
    expect(info.num_redelivered).toBe(0); // nothing left awaiting redelivery
  });

  it('does not get a terminated message again', async () => {
    const seen: string[] = [];
    const { bus, topology, durable, send } = await setup(async (event) => {
      seen.push(event.eventId);
      return event.eventId === 'poison' ? 'term' : 'ack';
    });
    await send('poison');
    await send('next');
    await waitFor(() => (seen.includes('next') ? true : undefined));
    const info = await settledConsumer(bus, topology.name, durable);
    expect(seen).toEqual(['poison', 'next']);
    expect(info.ack_floor.stream_seq).toBe(2);
  });

  it('retries a thrown retryable error and terminates one marked retryable: false', async () => {
    const attempts: Record<string, number[]> = {};
    const { bus, topology, durable, send } = await setup(async (event, ctx) => {
      (attempts[event.eventId] ??= []).push(ctx.deliveryCount);
      if (event.eventId === 'flaky' && ctx.deliveryCount < 3) throw new Error('dependency down');
      if (event.eventId === 'invalid')
        throw Object.assign(new Error('bad command'), { retryable: false });
      return 'ack';
    });
    await send('flaky');
    await send('invalid');
    await waitFor(() => (attempts.invalid && attempts.flaky?.length === 3 ? true : undefined));
    await settledConsumer(bus, topology.name, durable);
    expect(attempts).toEqual({ flaky: [1, 2, 3], invalid: [1] });
  });

  it('terminates a malformed message instead of looping on it, and goes on', async () => {
    const seen: string[] = [];
    const { bus, topology, durable, send } = await setup(async (event) => {
      seen.push(event.eventId);
      return 'ack';
    });
    const garbage = Uint8Array.from([0x0a, 0x64, 0x01]);
    await publishToStream(bus, `${topology.prefix}.c1`, bytesCodec, garbage, { msgId: 'garbage' });
    await send('valid');
    await waitFor(() => (seen.length > 0 ? true : undefined));
    const info = await settledConsumer(bus, topology.name, durable);
    expect(seen).toEqual(['valid']);
    expect(info.delivered.stream_seq).toBe(2);
    expect(info.num_redelivered).toBe(0);
  });

  it('shares one durable between processes: each message is handled by one of them', async () => {
    const firstHeld = gate();
    const bHandled = gate();
    const byA: string[] = [];
    const byB: string[] = [];
    // A holds its first message until B has handled one: B must get work meanwhile
    const { topology, durable, send, start } = await setup(async (event) => {
      byA.push(event.eventId);
      if (byA.length === 1) {
        firstHeld.open();
        await bHandled.opened;
      }
      return 'ack';
    });
    const other = await nats.connect('second-instance');
    await start(other, async (event) => {
      byB.push(event.eventId);
      bHandled.open();
      return 'ack';
    });
    for (const id of ['m1', 'm2', 'm3', 'm4']) await send(id);
    await firstHeld.opened;
    await bHandled.opened;
    const info = await settledConsumer(other, topology.name, durable);
    expect(byA.length).toBeGreaterThan(0);
    expect(byB.length).toBeGreaterThan(0);
    expect([...byA, ...byB].sort()).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(info.num_redelivered).toBe(0);
  });

  it('stop() lets the message in progress finish and acks it', async () => {
    const entered = gate();
    const release = gate();
    const { bus, topology, durable, send } = await setup(async () => {
      entered.open();
      await release.opened;
      return 'ack';
    });
    await send('slow');
    await entered.opened;
    let stopped = false;
    const stopping = handles[0]!.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release.open();
    await stopping;
    const info = await bus.jsm.consumers.info(topology.name, durable);
    expect(info.ack_floor.stream_seq).toBe(1);
    expect(info.num_ack_pending).toBe(0);
  });
});
