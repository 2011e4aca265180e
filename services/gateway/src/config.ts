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
import {
  parseRtpPorts,
  parseSipCredentials,
  parseSipRoutes,
  parseSipTransports,
} from './settings/parseSipSettings';
import type { SipSettings } from './sipCalls/sipSettings';

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
  /** SIP trunk side: on when a port is set (0 = any free port). */
  GATEWAY_SIP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  GATEWAY_SIP_HOST: nonEmpty().optional(),
  GATEWAY_SIP_TRANSPORTS: envField('udp, tcp or udp,tcp', parseSipTransports).optional(),
  /** Address written in Via, Contact and SDP (default: the SIP listen host). */
  GATEWAY_SIP_PUBLIC_ADDRESS: nonEmpty().optional(),
  GATEWAY_RTP_PORTS: envField('an RTP port range like 20000-20999', parseRtpPorts).optional(),
  GATEWAY_RTP_LATCHING: bool().default(false),
  GATEWAY_SIP_ROUTES: envField(
    'SIP routes as JSON (see the gateway README)',
    parseSipRoutes,
  ).optional(),
  /** Digest credentials for a trunk that challenges our INVITEs, JSON {"username","password"}. */
  GATEWAY_SIP_TRUNK_SECRET: envField('{"username","password"}', parseSipCredentials).optional(),
  /** Context-store base URL for the callee INVITE's Call-Info header. */
  GATEWAY_CONTEXT_URL_BASE: url({ protocols: ['https:', 'http:'] }).optional(),
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
  /** The SIP trunk side, when GATEWAY_SIP_PORT is set. */
  readonly sip?: SipSettings;
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
    ...(raw.GATEWAY_SIP_PORT === undefined
      ? {}
      : {
          sip: {
            host: raw.GATEWAY_SIP_HOST ?? raw.GATEWAY_HOST,
            port: raw.GATEWAY_SIP_PORT,
            transports: raw.GATEWAY_SIP_TRANSPORTS ?? ['UDP', 'TCP'],
            publicAddress:
              raw.GATEWAY_SIP_PUBLIC_ADDRESS ?? raw.GATEWAY_SIP_HOST ?? raw.GATEWAY_HOST,
            rtpPorts: raw.GATEWAY_RTP_PORTS ?? { min: 20000, max: 20999 },
            rtpLatching: raw.GATEWAY_RTP_LATCHING,
            routes: raw.GATEWAY_SIP_ROUTES ?? [],
            ...(raw.GATEWAY_SIP_TRUNK_SECRET
              ? { trunkCredentials: raw.GATEWAY_SIP_TRUNK_SECRET }
              : {}),
            ...(raw.GATEWAY_CONTEXT_URL_BASE
              ? { contextUrlBase: raw.GATEWAY_CONTEXT_URL_BASE }
              : {}),
          },
        }),
    logLevel: raw.LOG_LEVEL,
    logPii: raw.WARMLINE_LOG_PII,
    otlpEndpoint: raw.OTEL_EXPORTER_OTLP_ENDPOINT,
    metricsPort: raw.METRICS_PORT,
  };
};
