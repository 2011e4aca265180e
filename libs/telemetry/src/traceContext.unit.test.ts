import { context, propagation, trace } from '@opentelemetry/api';
import { initTelemetry, type Telemetry } from './initTelemetry';
import { extractTraceContext, injectTraceContext } from './traceContext';
import { withSpan } from './withSpan';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

describe('injectTraceContext / extractTraceContext', () => {
  let telemetry: Telemetry;
  beforeEach(async () => {
    telemetry = await initTelemetry({ serviceName: 'trace-context-test' });
  });
  afterEach(() => telemetry.shutdown());

  it('round-trips the active span through headers as W3C traceparent', async () => {
    const headers = new Map<string, string>();
    const sent = await withSpan('publish', {}, (span) => {
      injectTraceContext((key, value) => headers.set(key, value));
      return span.spanContext();
    });

    expect(headers.get('traceparent')).toMatch(TRACEPARENT);
    const received = trace.getSpanContext(extractTraceContext((key) => headers.get(key)));
    expect(received).toMatchObject({
      traceId: sent.traceId,
      spanId: sent.spanId,
      isRemote: true,
    });
  });

  it('carries baggage along', () => {
    const headers = new Map<string, string>();
    const withBaggage = propagation.setBaggage(
      context.active(),
      propagation.createBaggage({ 'warmline.call.id': { value: 'call-9' } }),
    );
    injectTraceContext((key, value) => headers.set(key, value), withBaggage);

    const extracted = extractTraceContext((key) => headers.get(key));
    expect(propagation.getBaggage(extracted)?.getEntry('warmline.call.id')?.value).toBe('call-9');
  });

  it('writes nothing outside a span', () => {
    const headers = new Map<string, string>();
    injectTraceContext((key, value) => headers.set(key, value));
    expect(headers.size).toBe(0);
  });

  it('extracts no parent from a message without trace headers, so a new trace starts', () => {
    expect(trace.getSpanContext(extractTraceContext(() => undefined))).toBeUndefined();
  });

  it('ignores the caller’s active span when extracting', async () => {
    await withSpan('consumer-loop', {}, () => {
      expect(trace.getSpanContext(extractTraceContext(() => undefined))).toBeUndefined();
    });
  });
});
