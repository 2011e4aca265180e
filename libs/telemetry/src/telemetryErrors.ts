/** Why an OTLP endpoint was refused. */
export type OtlpEndpointProblem = 'invalid-url' | 'unsupported-protocol' | 'remote-host';

const REASONS: Record<OtlpEndpointProblem, string> = {
  'invalid-url': 'is not an absolute URL',
  'unsupported-protocol': 'must use http: or https:',
  'remote-host':
    'is not on this machine; pass allowRemoteEndpoint (WARMLINE_OTLP_ALLOW_REMOTE=true) to export traces to another host',
};

/**
 * Thrown by `initTelemetry` for an OTLP endpoint it will not export to: not a
 * URL, not HTTP, or (unless allowed) not loopback, so that spans never leave
 * the machine by accident. `endpoint` holds the origin only, never credentials.
 */
export class OtlpEndpointError extends Error {
  override readonly name = 'OtlpEndpointError';

  constructor(
    readonly endpoint: string,
    readonly problem: OtlpEndpointProblem,
  ) {
    super(`OTLP endpoint ${endpoint} ${REASONS[problem]}`);
  }
}

/** Thrown by `initTelemetry` when the ops endpoint (`/metrics`, `/healthz`, `/readyz`) cannot listen. */
export class MetricsServerError extends Error {
  override readonly name = 'MetricsServerError';

  constructor(
    readonly port: number,
    readonly host: string,
    options: { cause: unknown },
  ) {
    super(`cannot serve metrics on ${host}:${port}`, options);
  }
}

/** Thrown by `telemetryEnv` for a malformed `METRICS_PORT`, `METRICS_HOST` or OTLP endpoint variable. */
export class TelemetryConfigError extends Error {
  override readonly name = 'TelemetryConfigError';

  constructor(
    readonly variable: string,
    readonly expected: string,
  ) {
    super(`${variable} must be ${expected}`);
  }
}

/** Thrown by `Telemetry.shutdown()` after trying every step, when some failed. */
export class TelemetryShutdownError extends Error {
  override readonly name = 'TelemetryShutdownError';

  constructor(readonly failures: readonly unknown[]) {
    super(`telemetry shutdown: ${failures.length} step(s) failed`, { cause: failures[0] });
  }
}
