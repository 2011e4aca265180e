import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { initTelemetry } from './initTelemetry';
import { OtlpEndpointError, TelemetryShutdownError } from './telemetryErrors';
import { injectTraceContext } from './traceContext';
import { withSpan } from './withSpan';

const spanNames = (exporter: InMemorySpanExporter) =>
  exporter.getFinishedSpans().map((span) => span.name);

const injectedHeaders = () => {
  const headers = new Map<string, string>();
  injectTraceContext((key, value) => headers.set(key, value));
  return headers;
};

describe('initTelemetry', () => {
  it('describes the service on every span: name, version and a per-process instance id', async () => {
    const exporter = new InMemorySpanExporter();
    const telemetry = await initTelemetry({
      serviceName: 'call-control',
      serviceVersion: '1.2.3',
      spanExporter: exporter,
    });
    await withSpan('handle', {}, () => undefined);
    const attributes = exporter.getFinishedSpans()[0]?.resource.attributes;
    await telemetry.shutdown(); // which also empties the in-memory exporter

    expect(attributes).toMatchObject({
      'service.name': 'call-control',
      'service.version': '1.2.3',
    });
    expect(attributes?.['service.instance.id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('traces without exporting when given no exporter, so context still propagates', async () => {
    const telemetry = await initTelemetry({ serviceName: 'stt' });
    try {
      const headers = await withSpan('publish', {}, injectedHeaders);
      expect(headers.get('traceparent')).toBeDefined();
      expect(telemetry.metricsUrl).toBeUndefined();
    } finally {
      await telemetry.shutdown();
    }
  });

  it('gives a tracer of its own provider', async () => {
    const exporter = new InMemorySpanExporter();
    const telemetry = await initTelemetry({ serviceName: 'tts', spanExporter: exporter });
    telemetry.tracer.startSpan('direct').end();
    expect(spanNames(exporter)).toEqual(['direct']);
    await telemetry.shutdown();
  });

  it('refuses a remote OTLP endpoint before installing anything', async () => {
    await expect(
      initTelemetry({ serviceName: 'stt', otlpEndpoint: 'http://collector.example:4318' }),
    ).rejects.toBeInstanceOf(OtlpEndpointError);
    expect(await withSpan('after-refusal', {}, injectedHeaders)).toEqual(new Map());
  });

  it('accepts a remote OTLP endpoint when allowed', async () => {
    const telemetry = await initTelemetry({
      serviceName: 'stt',
      otlpEndpoint: 'http://collector.example:4318',
      allowRemoteEndpoint: true,
    });
    await telemetry.shutdown(); // no spans, so nothing is sent
  });

  it('shutdown is idempotent and turns tracing off', async () => {
    const telemetry = await initTelemetry({
      serviceName: 'tts',
      spanExporter: new InMemorySpanExporter(),
    });
    const first = telemetry.shutdown();
    expect(telemetry.shutdown()).toBe(first);
    await first;
    await telemetry.shutdown();

    expect(await withSpan('after-shutdown', {}, injectedHeaders)).toEqual(new Map());
  });

  it('shutdown finishes every step, then reports the ones that failed', async () => {
    const failure = new Error('exporter stuck');
    const telemetry = await initTelemetry({
      serviceName: 'tts',
      spanExporter: {
        export: (_spans, done) => done({ code: 0 }),
        shutdown: () => Promise.reject(failure),
      },
    });
    const stopping = telemetry.shutdown();
    await expect(stopping).rejects.toBeInstanceOf(TelemetryShutdownError);
    await expect(stopping).rejects.toMatchObject({ failures: [failure], cause: failure });
    expect(await withSpan('after-failed-shutdown', {}, injectedHeaders)).toEqual(new Map());
  });

  describe('called twice in one process', () => {
    it('the latest call owns the globals; the earlier keeps its own tracer until shutdown', async () => {
      const firstExporter = new InMemorySpanExporter();
      const secondExporter = new InMemorySpanExporter();
      const first = await initTelemetry({ serviceName: 'first', spanExporter: firstExporter });
      const second = await initTelemetry({ serviceName: 'second', spanExporter: secondExporter });

      await withSpan('global', {}, () => undefined);
      first.tracer.startSpan('first-own').end();
      expect(spanNames(firstExporter)).toEqual(['first-own']);
      expect(spanNames(secondExporter)).toEqual(['global']);

      await first.shutdown(); // must not take the second's globals down
      const headers = await withSpan('still-traced', {}, injectedHeaders);
      expect(headers.get('traceparent')).toBeDefined();
      expect(spanNames(secondExporter)).toEqual(['global', 'still-traced']);

      await second.shutdown();
      expect(trace.getActiveSpan()).toBeUndefined();
    });
  });
});
