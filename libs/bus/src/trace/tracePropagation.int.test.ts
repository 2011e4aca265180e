import { trace } from '@opentelemetry/api';
import { AudioFrame, StartCallRequest, StartCallResponse } from '@warmline/contracts';
import { withSpan } from '@warmline/telemetry';
import { waitFor } from '@warmline/testing';
import { protoCodec } from '../codec/codec';
import { publish } from '../core/publish';
import { subscribe } from '../core/subscribe';
import { createEventStore } from '../eventStore/createEventStore';
import { consume } from '../jetstream/consume';
import { ensureStreams } from '../jetstream/ensureStreams';
import { publishToStream } from '../jetstream/publishToStream';
import { request } from '../rpc/request';
import { serve } from '../rpc/serve';
import { SpanKind, idsOf, useMemoryTracing } from '../testSupport/memoryTracing';
import { callEvent, callEventCodec, testStream, unique, useNats } from '../testSupport/natsTest';
import { contextFromHeaders } from './traceHeaders';

describe('trace context across NATS (one process)', () => {
  const nats = useNats();
  const tracing = useMemoryTracing();
  beforeEach(() => tracing.reset());

  it('request → serve: the server span is a child of the client span', async () => {
    const bus = await nats.connect();
    const subject = unique('cmd.trace');
    const codecs = {
      requestCodec: protoCodec(StartCallRequest),
      responseCodec: protoCodec(StartCallResponse),
    };
    const responder = serve(bus, subject, codecs, async () =>
      StartCallResponse.fromPartial({ accepted: true }),
    );
    await bus.nc.flush();
    await withSpan('caller', {}, () =>
      request(
        bus,
        subject,
        codecs.requestCodec,
        StartCallRequest.fromPartial({}),
        codecs.responseCodec,
        {
          timeoutMs: 2_000,
        },
      ),
    );
    await responder.stop();

    const client = tracing.span(`send ${subject}`);
    const server = tracing.span(`process ${subject}`);
    expect(client.kind).toBe(SpanKind.CLIENT);
    expect(server.kind).toBe(SpanKind.SERVER);
    expect(idsOf(server).traceId).toBe(idsOf(tracing.span('caller')).traceId);
    expect(idsOf(server).parentSpanId).toBe(idsOf(client).spanId);
    expect(server.attributes['messaging.system']).toBe('nats');
  });

  it('publishToStream → consume: the consumer span is a child of the producer span', async () => {
    const bus = await nats.connect();
    const topology = testStream('workqueue');
    await ensureStreams(bus, [topology]);
    const durable = unique('worker');
    const handled: string[] = [];
    const handle = await consume(bus, {
      stream: topology.name,
      durable,
      filterSubjects: [`${topology.prefix}.>`],
      codec: callEventCodec,
      handler: async () => {
        handled.push(trace.getActiveSpan()?.spanContext().traceId ?? 'none');
        return 'ack';
      },
    });
    await withSpan('producer', {}, () =>
      publishToStream(bus, `${topology.prefix}.c1`, callEventCodec, callEvent('e1'), {
        msgId: unique('e'),
      }),
    );
    await waitFor(() => (handled.length === 1 ? true : undefined));
    await handle.stop();

    const producer = tracing.span(`publish ${topology.prefix}.c1`);
    const consumer = tracing.span(`process ${durable}`);
    expect(consumer.kind).toBe(SpanKind.CONSUMER);
    expect(idsOf(consumer).traceId).toBe(idsOf(producer).traceId);
    expect(idsOf(consumer).parentSpanId).toBe(idsOf(producer).spanId);
    expect(handled).toEqual([idsOf(producer).traceId]); // the handler runs inside the consumer span
    expect(consumer.attributes['warmline.bus.settlement']).toBe('ack');
  });

  it('append → subscribe: the subscriber span is a child of the append span', async () => {
    const bus = await nats.connect();
    const topology = testStream();
    await ensureStreams(bus, [topology]);
    const store = createEventStore({
      bus,
      stream: topology.name,
      codec: callEventCodec,
      eventId: (e) => e.eventId,
    });
    const seen: number[] = [];
    const subscription = await store.subscribe(
      `${topology.prefix}.*`,
      {},
      (e) => void seen.push(e.sequence),
    );
    await store.append(`${topology.prefix}.c1`, [callEvent('e1'), callEvent('e2')], {
      expectedVersion: 0,
    });
    await waitFor(() => (seen.length === 2 ? true : undefined));
    await subscription.stop();

    const append = tracing.span(`append ${topology.name}`);
    const processed = tracing.spans().filter((s) => s.name === `process ${topology.name}`);
    expect(processed).toHaveLength(2);
    for (const span of processed) {
      expect(idsOf(span).traceId).toBe(idsOf(append).traceId);
      expect(idsOf(span).parentSpanId).toBe(idsOf(append).spanId);
    }
  });

  it('core publish carries the active span in headers, without a span per frame', async () => {
    const bus = await nats.connect();
    const subject = `media.${unique('c')}.in`;
    const frames = protoCodec(AudioFrame);
    const stream = subscribe(bus, subject, frames);
    await withSpan('turn', {}, () =>
      publish(bus, subject, frames, AudioFrame.fromPartial({ sequence: 1 })),
    );
    for await (const delivery of stream) {
      const carried = trace.getSpanContext(contextFromHeaders(delivery.headers));
      expect(carried?.spanId).toBe(idsOf(tracing.span('turn')).spanId);
      break;
    }
    expect(tracing.spans().map((s) => s.name)).toEqual(['turn']);
  });
});
