import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { type Telemetry, initTelemetry } from '@warmline/telemetry';

/** Telemetry for one test file, with every ended span kept in memory. */
export const useMemoryTracing = (serviceName = 'bus-test') => {
  const exporter = new InMemorySpanExporter();
  let telemetry: Telemetry | undefined;
  beforeAll(async () => {
    telemetry = await initTelemetry({ serviceName, spanExporter: exporter });
  });
  afterAll(async () => {
    await telemetry?.shutdown();
  });
  return {
    spans: (): ReadableSpan[] => exporter.getFinishedSpans(),
    /** The one finished span with this name (throws if there is not exactly one). */
    span: (name: string): ReadableSpan => {
      const found = exporter.getFinishedSpans().filter((s) => s.name === name);
      if (found.length !== 1) throw new Error(`${found.length} spans named ${name}`);
      return found[0]!;
    },
    reset: () => exporter.reset(),
  };
};

/** The ids that tie a span into its trace. */
export const idsOf = (span: ReadableSpan) => ({
  traceId: span.spanContext().traceId,
  spanId: span.spanContext().spanId,
  parentSpanId: span.parentSpanContext?.spanId,
});

export { SpanKind };
