// A second process for the cross-process trace test: it starts its own telemetry,
// publishes one CallEvent to JetStream inside a span through the bus API, and
// prints the spans it recorded as one `spans <json>` line.
// Usage: tracedProducer.ts <natsUrl> <subject> <eventId>
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import { CallEvent } from '@warmline/contracts';
import { initTelemetry, withSpan } from '@warmline/telemetry';
import { connectBus, protoCodec, publishToStream } from '../index';

const main = async (): Promise<void> => {
  const [url = '', subject = '', eventId = ''] = process.argv.slice(2);
  const exporter = new InMemorySpanExporter();
  const telemetry = await initTelemetry({ serviceName: 'traced-producer', spanExporter: exporter });
  const bus = await connectBus({ servers: url, name: 'traced-producer' });
  const event = CallEvent.fromPartial({ eventId, callId: 'c1', correlationId: 'c1' });
  await withSpan('producer.turn', {}, () =>
    publishToStream(bus, subject, protoCodec(CallEvent), event, { msgId: eventId }),
  );
  const spans = exporter.getFinishedSpans().map((span) => ({
    name: span.name,
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId,
  }));
  process.stdout.write(`spans ${JSON.stringify({ pid: process.pid, spans })}\n`);
  await bus.drain();
  await telemetry.shutdown();
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
