import type { MeterProvider, TracerProvider } from '@opentelemetry/api';
import type { Instrumentation } from '@opentelemetry/instrumentation';

/**
 * Points instrumentations at these providers and enables them, as
 * `registerInstrumentations` does, without loading that module's runtime.
 * Returns a function that disables them again.
 */
export const enableInstrumentations = (
  instrumentations: readonly Instrumentation[],
  tracerProvider: TracerProvider,
  meterProvider: MeterProvider,
): (() => void) => {
  for (const instrumentation of instrumentations) {
    instrumentation.setTracerProvider(tracerProvider);
    instrumentation.setMeterProvider(meterProvider);
    // Instrumentations enable themselves when constructed unless told not to.
    if (!instrumentation.getConfig().enabled) instrumentation.enable();
  }
  return () => {
    for (const instrumentation of instrumentations) instrumentation.disable();
  };
};
