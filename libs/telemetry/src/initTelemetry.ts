import type { Meter, Tracer } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { registerGlobalProviders, unregisterGlobalProviders } from './globalProviders';
import { enableInstrumentations } from './instrumentations';
import { type OpsServer, startOpsServer } from './opsServer';
import { otlpTracesUrl } from './otlpTracesUrl';
import { Readiness } from './readiness';
import { serviceResource } from './serviceResource';
import { stageOf } from './callAttributes';
import { spanProcessors } from './spanProcessors';
import { TelemetryShutdownError } from './telemetryErrors';

/** Options for {@link initTelemetry}. */
export interface TelemetryOptions {
  /** `service.name`, e.g. `call-control`. */
  serviceName: string;
  /** `service.version`; left out of the resource when omitted. */
  serviceVersion?: string;
  /** OTLP/HTTP collector base URL (`/v1/traces` is appended); must be loopback unless allowed. */
  otlpEndpoint?: string;
  /** Allows a non-loopback `otlpEndpoint` (`WARMLINE_OTLP_ALLOW_REMOTE=true`). */
  allowRemoteEndpoint?: boolean;
  /** An exporter fed span by span (tests pass an `InMemorySpanExporter`); `shutdown()` shuts it down too. */
  spanExporter?: SpanExporter;
  /**
   * Serve the ops endpoints (`/metrics`, `/healthz`, `/readyz`) on this port; 0 picks a free
   * port; omitted, no server (`METRICS_PORT`, see `telemetryEnv`).
   */
  metricsPort?: number;
  /** Interface of the ops server, default 127.0.0.1; containers use 0.0.0.0 (`METRICS_HOST`). */
  metricsHost?: string;
  /** Instrumentations to point at these providers; construct them before loading what they patch. */
  instrumentations?: Instrumentation[];
}

/** The telemetry of one process, from {@link initTelemetry}. */
export interface Telemetry {
  /** A tracer of this service's provider (`withSpan` uses the global one). */
  readonly tracer: Tracer;
  /** A meter of this service's provider, for `createCounter`/`createHistogram`. */
  readonly meter: Meter;
  /** Where Prometheus scrapes, when `metricsPort` was given. */
  readonly metricsUrl?: string;
  /** Base URL of the ops server (`…/healthz`, `…/readyz`, `…/metrics`), when `metricsPort` was given. */
  readonly opsUrl?: string;
  /**
   * What `/readyz` reports: the service calls `readiness.ready({ nats: () => … })` once started,
   * and `readiness.draining()` first on SIGTERM. Until `ready`, `/readyz` answers 503 `starting`.
   */
  readonly readiness: Readiness;
  /** Flushes spans, stops exporters and the metrics server; later calls return the same promise. */
  shutdown(): Promise<void>;
}

/**
 * Starts tracing and metrics for a service. Call it first in `main.ts`.
 *
 * Async because the Prometheus endpoint must be listening (and its port known)
 * before `metricsUrl` is returned: `const telemetry = await initTelemetry(…)`.
 *
 * Installs globally a tracer provider (service.name, service.version,
 * service.instance.id), the W3C trace-context and baggage propagators, and a
 * meter provider. Spans go to `spanExporter` (as each ends) and to
 * `otlpEndpoint` (in batches); with neither, tracing still runs so context
 * propagates, but nothing is exported.
 *
 * Calling it again in one process (tests do) is allowed: the new providers
 * replace the previous globals, so `withSpan` and trace-context helpers use
 * the latest. An earlier `Telemetry` keeps its own tracer, meter and exporters
 * until its `shutdown()`, which then leaves the newer globals in place.
 *
 * @throws {@link OtlpEndpointError} for an unusable or (unless allowed) remote OTLP endpoint.
 * @throws {@link MetricsServerError} when `metricsPort` cannot be bound on `metricsHost`.
 */
export const initTelemetry = async (options: TelemetryOptions): Promise<Telemetry> => {
  const { serviceName, serviceVersion } = options;
  const tracesUrl =
    options.otlpEndpoint === undefined
      ? undefined
      : otlpTracesUrl(options.otlpEndpoint, options.allowRemoteEndpoint ?? false);
  const prometheus =
    options.metricsPort === undefined
      ? undefined
      : new PrometheusExporter({ preventServerStart: true });
  const readiness = new Readiness();
  // Bind first: a taken port fails before any global changes.
  const opsServer: OpsServer | undefined =
    prometheus &&
    (await startOpsServer(prometheus, readiness, options.metricsPort ?? 0, options.metricsHost));

  const resource = serviceResource({ serviceName, serviceVersion });
  const tracerProvider = new NodeTracerProvider({
    resource,
    spanProcessors: spanProcessors({
      spanExporter: options.spanExporter,
      otlpTracesUrl: tracesUrl,
      stage: stageOf(serviceName),
    }),
  });
  const meterProvider = new MeterProvider({ resource, readers: prometheus ? [prometheus] : [] });
  registerGlobalProviders(tracerProvider, meterProvider);
  const disableInstrumentations = enableInstrumentations(
    options.instrumentations ?? [],
    tracerProvider,
    meterProvider,
  );

  let stopped: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    disableInstrumentations();
    unregisterGlobalProviders(tracerProvider, meterProvider);
    const results = await Promise.allSettled([
      tracerProvider.shutdown(),
      meterProvider.shutdown(),
      opsServer?.close(),
    ]);
    const failures = results.flatMap((result): unknown[] =>
      result.status === 'rejected' ? [result.reason] : [],
    );
    if (failures.length > 0) throw new TelemetryShutdownError(failures);
  };

  return {
    tracer: tracerProvider.getTracer(serviceName, serviceVersion),
    meter: meterProvider.getMeter(serviceName, serviceVersion),
    ...(opsServer ? { metricsUrl: `${opsServer.baseUrl}/metrics`, opsUrl: opsServer.baseUrl } : {}),
    readiness,
    shutdown: () => (stopped ??= stop()),
  };
};
