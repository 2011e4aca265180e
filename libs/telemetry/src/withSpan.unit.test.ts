import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { WarmlineAttributes } from './attributes';
import { initTelemetry, type Telemetry } from './initTelemetry';
import { extractTraceContext } from './traceContext';
import { withSpan } from './withSpan';

describe('withSpan', () => {
  // A fresh exporter per test: shutdown() shuts the exporter down with the provider.
  let exporter: InMemorySpanExporter;
  let telemetry: Telemetry;

  beforeEach(async () => {
    exporter = new InMemorySpanExporter();
    telemetry = await initTelemetry({ serviceName: 'with-span-test', spanExporter: exporter });
  });
  afterEach(() => telemetry.shutdown());

  const onlySpan = () => {
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(1);
    return spans[0]!;
  };

  it('records a span with its name, attributes and kind, and returns what fn returns', async () => {
    const result = await withSpan(
      'stt.transcribe',
      { attributes: { [WarmlineAttributes.CALL_ID]: 'call-1' }, kind: SpanKind.CONSUMER },
      () => 'transcript',
    );
    expect(result).toBe('transcript');
    const span = onlySpan();
    expect(span.name).toBe('stt.transcribe');
    expect(span.attributes).toEqual({ 'warmline.call.id': 'call-1' });
    expect(span.kind).toBe(SpanKind.CONSUMER);
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(span.instrumentationScope.name).toBe('warmline');
  });

  it('makes the span active inside fn, and passes it in', async () => {
    await withSpan('outer', {}, (span) => {
      expect(trace.getActiveSpan()).toBe(span);
      span.setAttribute(WarmlineAttributes.TURN_ID, 'turn-7');
    });
    expect(onlySpan().attributes[WarmlineAttributes.TURN_ID]).toBe('turn-7');
  });

  it('records a rejection as an exception with ERROR status, ends the span and rethrows', async () => {
    const failure = new Error('engine unavailable');
    await expect(withSpan('tts.synthesize', {}, () => Promise.reject(failure))).rejects.toBe(
      failure,
    );
    const span = onlySpan();
    expect(span.ended).toBe(true);
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'engine unavailable' });
    expect(span.events.map((event) => event.name)).toEqual(['exception']);
    expect(span.events[0]?.attributes?.['exception.message']).toBe('engine unavailable');
  });

  it('records a synchronous throw of a non-Error value too', async () => {
    await expect(
      withSpan('decide', {}, () => {
        throw 'no route'; // eslint-disable-line @typescript-eslint/only-throw-error
      }),
    ).rejects.toBe('no route');
    expect(onlySpan().status).toEqual({ code: SpanStatusCode.ERROR, message: 'no route' });
  });

  it('nests: a span started inside another is its child, in the same trace', async () => {
    await withSpan('turn', {}, () => withSpan('llm.decide', {}, () => undefined));
    const [child, parent] = exporter.getFinishedSpans();
    expect(child?.name).toBe('llm.decide');
    expect(child?.parentSpanContext?.spanId).toBe(parent?.spanContext().spanId);
    expect(child?.spanContext().traceId).toBe(parent?.spanContext().traceId);
  });

  it('uses an explicit parent context, e.g. one extracted from a message', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const headers: Record<string, string> = {
      traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
    };
    await withSpan(
      'on-transcribed',
      { parent: extractTraceContext((key) => headers[key]) },
      () => 1,
    );
    const span = onlySpan();
    expect(span.spanContext().traceId).toBe(traceId);
    expect(span.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(span.parentSpanContext?.isRemote).toBe(true);
  });
});
