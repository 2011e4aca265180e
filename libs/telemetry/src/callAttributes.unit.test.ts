import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { WarmlineAttributes } from './attributes';
import { initTelemetry, type Telemetry } from './initTelemetry';
import { extractTraceContext, injectTraceContext } from './traceContext';
import { withSpan } from './withSpan';

const { CALL_ID, STAGE } = WarmlineAttributes;

describe('call id and stage on every span', () => {
  let exporter: InMemorySpanExporter;
  let telemetry: Telemetry;

  beforeEach(async () => {
    exporter = new InMemorySpanExporter();
    telemetry = await initTelemetry({ serviceName: 'tts', spanExporter: exporter });
  });
  afterEach(() => telemetry.shutdown());

  const byName = (name: string) => exporter.getFinishedSpans().find((s) => s.name === name);

  it('a span naming its call passes the id to child spans that do not, and every span gets the stage', async () => {
    await withSpan('tts.speak', { attributes: { [CALL_ID]: 'call-7' } }, () =>
      withSpan('bus.publish', {}, () => undefined),
    );
    expect(byName('tts.speak')?.attributes).toMatchObject({ [CALL_ID]: 'call-7', [STAGE]: 'tts' });
    expect(byName('bus.publish')?.attributes).toMatchObject({
      [CALL_ID]: 'call-7',
      [STAGE]: 'tts',
    });
  });

  it('the call id crosses a message boundary as baggage next to traceparent', async () => {
    const headers = new Map<string, string>();
    await withSpan('stt.recognise', { attributes: { [CALL_ID]: 'call-9' } }, () =>
      injectTraceContext((key, value) => headers.set(key, value)),
    );
    expect(headers.get('baggage')).toContain('warmline.call.id=call-9');

    const parent = extractTraceContext((key) => headers.get(key));
    await withSpan('consume', { parent }, () => undefined);
    const consumed = byName('consume');
    expect(consumed?.attributes).toMatchObject({ [CALL_ID]: 'call-9', [STAGE]: 'tts' });
    expect(consumed?.spanContext().traceId).toBe(byName('stt.recognise')?.spanContext().traceId);
  });

  it('a span of no call gets the stage only; an explicit stage is kept', async () => {
    await withSpan('startup', {}, () => undefined);
    await withSpan('other', { attributes: { [STAGE]: 'gateway' } }, () => undefined);
    expect(byName('startup')?.attributes).toEqual({ [STAGE]: 'tts' });
    expect(byName('other')?.attributes).toEqual({ [STAGE]: 'gateway' });
  });
});

describe('a service that is not a stage', () => {
  it('adds no stage', async () => {
    const exporter = new InMemorySpanExporter();
    const telemetry = await initTelemetry({ serviceName: 'sdk-app', spanExporter: exporter });
    try {
      await withSpan('x', {}, () => undefined);
      expect(exporter.getFinishedSpans()[0]?.attributes).toEqual({});
    } finally {
      await telemetry.shutdown();
    }
  });
});
