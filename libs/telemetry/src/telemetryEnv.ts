import { isIP } from 'node:net';
import { TelemetryConfigError } from './telemetryErrors';

/**
 * The environment variables every service reads for its telemetry, by one
 * name everywhere (compose and Kubernetes set these; the deploy checks accept them).
 */
export const TELEMETRY_ENV = {
  /** Port of `/metrics`, `/healthz`, `/readyz` (9464 in containers); unset: no ops server. */
  METRICS_PORT: 'METRICS_PORT',
  /** Interface the ops server binds: an IP literal, default 127.0.0.1; pods set 0.0.0.0. */
  METRICS_HOST: 'METRICS_HOST',
  /** OTLP/HTTP collector base URL (the OpenTelemetry standard name). */
  OTLP_ENDPOINT: 'OTEL_EXPORTER_OTLP_ENDPOINT',
  /** `true` lets spans go to a collector on another host (a cluster's collector Service). */
  OTLP_ALLOW_REMOTE: 'WARMLINE_OTLP_ALLOW_REMOTE',
} as const;

/** What {@link telemetryEnv} read: only the variables that were set. */
export interface TelemetryEnv {
  metricsPort?: number;
  metricsHost?: string;
  otlpEndpoint?: string;
  allowRemoteEndpoint?: boolean;
}

const set = (env: NodeJS.ProcessEnv, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

const port = (value: string): number => {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n > 65_535) {
    throw new TelemetryConfigError(TELEMETRY_ENV.METRICS_PORT, 'a port number 0-65535');
  }
  return n;
};

const host = (value: string): string => {
  if (isIP(value) === 0 && value !== 'localhost') {
    throw new TelemetryConfigError(
      TELEMETRY_ENV.METRICS_HOST,
      'an IP address (127.0.0.1, 0.0.0.0, ::) or localhost',
    );
  }
  return value;
};

const flag = (value: string): boolean => {
  if (value !== 'true' && value !== 'false') {
    throw new TelemetryConfigError(TELEMETRY_ENV.OTLP_ALLOW_REMOTE, 'true or false');
  }
  return value === 'true';
};

/**
 * Reads the telemetry variables ({@link TELEMETRY_ENV}) so a main.ts can
 * spread them into `initTelemetry`; unset variables are left out, so values
 * from the service's own config placed before the spread stay.
 *
 * @throws {@link TelemetryConfigError} for a malformed value.
 */
export const telemetryEnv = (env: NodeJS.ProcessEnv = process.env): TelemetryEnv => {
  const metricsPort = set(env, TELEMETRY_ENV.METRICS_PORT);
  const metricsHost = set(env, TELEMETRY_ENV.METRICS_HOST);
  const otlpEndpoint = set(env, TELEMETRY_ENV.OTLP_ENDPOINT);
  const allowRemote = set(env, TELEMETRY_ENV.OTLP_ALLOW_REMOTE);
  return {
    ...(metricsPort === undefined ? {} : { metricsPort: port(metricsPort) }),
    ...(metricsHost === undefined ? {} : { metricsHost: host(metricsHost) }),
    ...(otlpEndpoint === undefined ? {} : { otlpEndpoint }),
    ...(allowRemote === undefined ? {} : { allowRemoteEndpoint: flag(allowRemote) }),
  };
};
