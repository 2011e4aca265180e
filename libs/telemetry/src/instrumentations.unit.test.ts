import type { MeterProvider, TracerProvider } from '@opentelemetry/api';
import type { Instrumentation, InstrumentationConfig } from '@opentelemetry/instrumentation';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { initTelemetry } from './initTelemetry';

/** Records what initTelemetry does to it; starts enabled unless told otherwise, like real ones. */
class FakeInstrumentation implements Instrumentation {
  readonly instrumentationName = 'fake';
  readonly instrumentationVersion = '0.0.0';
  tracerProvider?: TracerProvider;
  meterProvider?: MeterProvider;
  enabled: boolean;

  constructor(private config: InstrumentationConfig = { enabled: true }) {
    this.enabled = config.enabled ?? true;
  }
  enable = () => void (this.enabled = true);
  disable = () => void (this.enabled = false);
  setTracerProvider = (provider: TracerProvider) => void (this.tracerProvider = provider);
  setMeterProvider = (provider: MeterProvider) => void (this.meterProvider = provider);
  setConfig = (config: InstrumentationConfig) => void (this.config = config);
  getConfig = () => this.config;
}

describe('initTelemetry instrumentations', () => {
  it('points them at its providers, enables them, and disables them on shutdown', async () => {
    const exporter = new InMemorySpanExporter();
    const active = new FakeInstrumentation();
    const optedOut = new FakeInstrumentation({ enabled: false });
    const telemetry = await initTelemetry({
      serviceName: 'instrumented',
      spanExporter: exporter,
      instrumentations: [active, optedOut],
    });

    expect([active.enabled, optedOut.enabled]).toEqual([true, true]);
    active.tracerProvider?.getTracer('fake').startSpan('patched-call').end();
    expect(exporter.getFinishedSpans().map((span) => span.name)).toEqual(['patched-call']);
    expect(active.meterProvider).toBeDefined();

    await telemetry.shutdown();
    expect([active.enabled, optedOut.enabled]).toEqual([false, false]);
  });
});
