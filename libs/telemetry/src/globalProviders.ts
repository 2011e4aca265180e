import { context, metrics, propagation, ProxyTracerProvider, trace } from '@opentelemetry/api';
import {
  CompositePropagator,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import type { MeterProvider } from '@opentelemetry/sdk-metrics';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/**
 * Makes these providers the process-wide ones, with the W3C trace-context and
 * baggage propagators and an AsyncLocalStorage context manager. The OTel API
 * keeps the first global it is given, so any earlier registration (an earlier
 * `initTelemetry`) is removed first: the latest call wins.
 */
export const registerGlobalProviders = (
  tracerProvider: NodeTracerProvider,
  meterProvider: MeterProvider,
): void => {
  trace.disable();
  context.disable();
  propagation.disable();
  metrics.disable();
  tracerProvider.register({
    propagator: new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
  });
  metrics.setGlobalMeterProvider(meterProvider);
};

/**
 * Removes the globals if they are still these providers; when a later
 * `initTelemetry` replaced them, its globals are left alone.
 */
export const unregisterGlobalProviders = (
  tracerProvider: NodeTracerProvider,
  meterProvider: MeterProvider,
): void => {
  const globalTracerProvider = trace.getTracerProvider();
  if (
    globalTracerProvider instanceof ProxyTracerProvider &&
    globalTracerProvider.getDelegate() === tracerProvider
  ) {
    trace.disable();
    context.disable();
    propagation.disable();
  }
  if (metrics.getMeterProvider() === meterProvider) metrics.disable();
};
