import { hostname } from 'node:os';
import {
  bool,
  durationMs,
  envField,
  loadConfig,
  nonEmpty,
  oneOf,
  port,
  url,
  z,
  type EnvSource,
} from '@warmline/config';
import type { CarrierAccounts, NumberRoute } from './settings/carrierSettings';
import { parseCarrierAccounts, parseNumberRoutes } from './settings/parseCarrierSettings';

const schema = z.object({
  NATS_URL: url({ protocols: ['nats:', 'tls:'] }),
  /** This instance's id, given to call-control with every call (default: the host name). */
  GATEWAY_ID: nonEmpty().optional(),
  /** Listen address; 0.0.0.0 behind the load balancer, 127.0.0.1 in tests. */
  GATEWAY_HOST: nonEmpty().default('127.0.0.1'),
  GATEWAY_PORT: port().default(8080),
  /** The base URL carriers are configured with (https://gw.example.com): Twilio signs URLs under it. */
  GATEWAY_PUBLIC_BASE_URL: url({ protocols: ['https:', 'http:'] }),
  /** Carrier accounts and their secrets, JSON (see README). */
  GATEWAY_CARRIER_SECRETS: envField(
    'carrier accounts as JSON (see the gateway README)',
    parseCarrierAccounts,
  ),
  /** The numbers this gateway answers, JSON (see README). */
  GATEWAY_NUMBERS: envField('number routes as JSON (see the gateway README)', parseNumberRoutes),
  GATEWAY_START_TIMEOUT: durationMs().default(5_000),
  GATEWAY_JITTER_DEPTH: durationMs().default(60),
  GATEWAY_MARK_INTERVAL: durationMs().default(100),
  GATEWAY_PACING: oneOf(['shared-clock', 'per-call-timer']).default('shared-clock'),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WARMLINE_LOG_PII: bool().default(false),
  OTEL_EXPORTER_OTLP_ENDPOINT: url({ protocols: ['http:', 'https:'] }).optional(),
  METRICS_PORT: port().optional(),
});

/** The gateway's settings. */
export interface GatewayConfig {
  readonly natsUrl: string;
  readonly gatewayId: string;
  readonly host: string;
  readonly port: number;
  readonly publicBaseUrl: string;
  readonly accounts: CarrierAccounts;
  readonly numbers: readonly NumberRoute[];
  readonly startTimeoutMs: number;
  readonly jitterDepthMs: number;
  /** A playback checkpoint mark every this many 20 ms frames. */
  readonly markEveryFrames: number;
  readonly pacing: 'shared-clock' | 'per-call-timer';
  readonly logLevel: string;
  readonly logPii: boolean;
  readonly otlpEndpoint?: string;
  readonly metricsPort?: number;
}

/**
 * Reads the gateway's configuration from the environment (the only reader of
 * `process.env` in this service).
 *
 * @throws {@link ConfigError} listing every missing or invalid variable (secrets never shown).
 */
export const readConfig = (env: EnvSource = process.env): GatewayConfig => {
  const raw = loadConfig(schema, env);
  return {
    natsUrl: raw.NATS_URL,
    gatewayId: raw.GATEWAY_ID ?? hostname(),
    host: raw.GATEWAY_HOST,
    port: raw.GATEWAY_PORT,
    publicBaseUrl: raw.GATEWAY_PUBLIC_BASE_URL,
    accounts: raw.GATEWAY_CARRIER_SECRETS,
    numbers: raw.GATEWAY_NUMBERS,
    startTimeoutMs: raw.GATEWAY_START_TIMEOUT,
    jitterDepthMs: raw.GATEWAY_JITTER_DEPTH,
    markEveryFrames: Math.max(1, Math.round(raw.GATEWAY_MARK_INTERVAL / 20)),
    pacing: raw.GATEWAY_PACING,
    logLevel: raw.LOG_LEVEL,
    logPii: raw.WARMLINE_LOG_PII,
    otlpEndpoint: raw.OTEL_EXPORTER_OTLP_ENDPOINT,
    metricsPort: raw.METRICS_PORT,
  };
};
