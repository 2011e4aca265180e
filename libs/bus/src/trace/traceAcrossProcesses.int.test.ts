import path from 'node:path';
import { type ManagedProcess, startTsProcess, waitFor, waitForOutput } from '@warmline/testing';
import { consume } from '../jetstream/consume';
import { ensureStreams } from '../jetstream/ensureStreams';
import { SpanKind, idsOf, useMemoryTracing } from '../testSupport/memoryTracing';
import { callEventCodec, testStream, unique, useNats } from '../testSupport/natsTest';

interface ChildSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
}

const producerEntry = path.join(__dirname, '..', '__fixtures__', 'tracedProducer.ts');

describe('trace context across processes', () => {
  const nats = useNats();
  const tracing = useMemoryTracing('bus-consumer');
  let child: ManagedProcess | undefined;
  afterAll(async () => {
    await child?.stop();
  });

  it('continues a trace started in another Node process: the consumer span is the child of its producer span', async () => {
    const bus = await nats.connect('consumer');
    const topology = testStream('workqueue');
    await ensureStreams(bus, [topology]);
    const subject = `${topology.prefix}.c1`;
    const eventId = unique('e');
    const durable = unique('worker');
    const handled: string[] = [];
    const handle = await consume(bus, {
      stream: topology.name,
      durable,
      filterSubjects: [`${topology.prefix}.>`],
      codec: callEventCodec,
      handler: async (event) => {
        handled.push(event.eventId);
        return 'ack';
      },
    });

    child = startTsProcess(producerEntry, { args: [nats.server().url, subject, eventId] });
    const [, json = '{}'] = await waitForOutput(child, /^spans (.*)$/, { timeoutMs: 30_000 });
    const report = JSON.parse(json) as { pid: number; spans: ChildSpan[] };
    await waitFor(() => (handled.length === 1 ? true : undefined));
    await handle.stop();

    expect(report.pid).toBe(child.pid);
    expect(report.pid).not.toBe(process.pid);
    expect(handled).toEqual([eventId]);
    const turn = report.spans.find((s) => s.name === 'producer.turn');
    const published = report.spans.find((s) => s.name === `publish ${subject}`);
    expect(published?.parentSpanId).toBe(turn?.spanId);

    const consumer = tracing.span(`process ${durable}`);
    expect(consumer.kind).toBe(SpanKind.CONSUMER);
    expect(idsOf(consumer).traceId).toBe(turn?.traceId);
    expect(idsOf(consumer).parentSpanId).toBe(published?.spanId);
    expect(consumer.resource.attributes['service.name']).toBe('bus-consumer');
  });
});
