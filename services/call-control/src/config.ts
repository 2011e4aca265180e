import {
  bool,
  ConfigError,
  durationMs,
  type EnvSource,
  jsonField,
  loadConfig,
  nonEmpty,
  oneOf,
  url,
  z,
} from '@warmline/config';
import { MAX_RING_TIME_SECONDS, MIN_RING_TIME_SECONDS, type RoutingTable } from './domain';
import { type ConnectorScope, toConnectorScope } from './settings/connectorScope';
import { hostPort } from './settings/hostPort';
import {
  handlerNames,
  routingRuleSchema,
  toCallHandler,
  toRoutingRules,
} from './settings/routingSettings';

const scopeSchema = z.union([z.literal('*'), z.array(z.string().min(1))]);
const scopesByName = z.record(z.string().min(1), scopeSchema);

const schema = z.object({
  NATS_URL: url({ protocols: ['nats:', 'tls:'] }).default('nats://127.0.0.1:4222'),
  CALL_CONTROL_GRPC_ADDRESS: hostPort().default('127.0.0.1:50061'),
  CALL_CONTROL_API_KEYS: jsonField('{"<api key>": ["<connector id>", ...] or "*"}', scopesByName),
  CALL_CONTROL_TLS_CERT_FILE: nonEmpty().optional(),
  CALL_CONTROL_TLS_KEY_FILE: nonEmpty().optional(),
  CALL_CONTROL_TLS_CA_FILE: nonEmpty().optional(),
  CALL_CONTROL_TLS_CLIENT_CONNECTORS: jsonField(
    '{"<client certificate CN or SAN>": ["<connector id>", ...] or "*"}',
    scopesByName,
  ).default({}),
  CALL_CONTROL_ROUTING_RULES: jsonField(
    '[{"connectorId"?, "calleePattern"?, "handler": "SDK" | "BUILT_IN_AGENT"}, ...]',
    z.array(routingRuleSchema),
  ).default([]),
  CALL_CONTROL_DEFAULT_HANDLER: oneOf(handlerNames).default('BUILT_IN_AGENT'),
  CALL_CONTROL_CALLEE_DESTINATIONS: jsonField(
    '{"<connector id>": "<SIP URI or number>"}',
    z.record(z.string().min(1), z.string().min(1)),
  ).default({}),
  CALL_CONTROL_DEFAULT_RING_TIME: durationMs().default(60_000),
  CALL_CONTROL_HEARTBEAT_INTERVAL: durationMs().default(5_000),
  CALL_CONTROL_GATEWAY_TIMEOUT: durationMs().default(5_000),
  CALL_CONTROL_MEDIA_BUFFER: durationMs().default(400),
  CALL_CONTROL_STREAM_REPLICAS: oneOf(['1', '3', '5']).default('1'),
  LOG_LEVEL: oneOf(['trace', 'debug', 'info', 'warn', 'error']).default('info'),
  WARMLINE_LOG_PII: bool().default(false),
  WARMLINE_OTLP_ENDPOINT: url({ protocols: ['http:', 'https:'] }).optional(),
});

/** Mutual TLS for the gRPC server: its certificate, and the client identities it accepts. */
export interface TlsConfig {
  readonly certFile: string;
  readonly keyFile: string;
  /** CA that signs client certificates; without it clients are not asked for one. */
  readonly caFile?: string;
  /** Client certificate CN or SAN → the connectors it may use. */
  readonly clientIdentities: ReadonlyMap<string, ConnectorScope>;
}

/** call-control's configuration, read once at start. Durations in ms. */
export interface CallControlConfig {
  readonly natsUrl: string;
  /** Where the gRPC API listens (loopback by default). */
  readonly grpcAddress: string;
  /** API key → the connectors it may use. */
  readonly apiKeys: ReadonlyMap<string, ConnectorScope>;
  readonly tls?: TlsConfig;
  readonly routing: RoutingTable;
  /** Connector → where connect() rings: the only destinations connect() can reach. */
  readonly calleeDestinations: ReadonlyMap<string, string>;
  /** Used when connect() asks for ring time 0. */
  readonly defaultRingTimeSeconds: number;
  readonly heartbeatIntervalMs: number;
  readonly gatewayTimeoutMs: number;
  /** How much agent audio the platform keeps buffered ahead of playout (pull target). */
  readonly mediaBufferMs: number;
  readonly streamReplicas: number;
  readonly logLevel: string;
  readonly logPii: boolean;
  readonly otlpEndpoint?: string;
}

const scopes = (record: Record<string, '*' | string[]>): ReadonlyMap<string, ConnectorScope> =>
  new Map(Object.entries(record).map(([name, scope]) => [name, toConnectorScope(scope)]));

/**
 * Reads call-control's configuration from the environment, failing fast with every
 * problem listed (API keys never appear in the message).
 *
 * @throws {@link ConfigError}
 */
export function loadCallControlConfig(env: EnvSource = process.env): CallControlConfig {
  const raw = loadConfig(schema, env);
  const defaultRingTimeSeconds = Math.round(raw.CALL_CONTROL_DEFAULT_RING_TIME / 1000);
  if (
    defaultRingTimeSeconds < MIN_RING_TIME_SECONDS ||
    defaultRingTimeSeconds > MAX_RING_TIME_SECONDS
  ) {
    throw new ConfigError([
      {
        variable: 'CALL_CONTROL_DEFAULT_RING_TIME',
        problem: 'invalid',
        expected: `a ring time from ${MIN_RING_TIME_SECONDS}s to ${MAX_RING_TIME_SECONDS}s`,
        received: JSON.stringify(env.CALL_CONTROL_DEFAULT_RING_TIME ?? ''),
      },
    ]);
  }
  const certFile = raw.CALL_CONTROL_TLS_CERT_FILE;
  const keyFile = raw.CALL_CONTROL_TLS_KEY_FILE;
  const caFile = raw.CALL_CONTROL_TLS_CA_FILE;
  return {
    natsUrl: raw.NATS_URL,
    grpcAddress: raw.CALL_CONTROL_GRPC_ADDRESS,
    apiKeys: scopes(raw.CALL_CONTROL_API_KEYS),
    ...(certFile && keyFile
      ? {
          tls: {
            certFile,
            keyFile,
            ...(caFile ? { caFile } : {}),
            clientIdentities: scopes(raw.CALL_CONTROL_TLS_CLIENT_CONNECTORS),
          },
        }
      : {}),
    routing: {
      rules: toRoutingRules(raw.CALL_CONTROL_ROUTING_RULES),
      defaultHandler: toCallHandler(raw.CALL_CONTROL_DEFAULT_HANDLER),
    },
    calleeDestinations: new Map(Object.entries(raw.CALL_CONTROL_CALLEE_DESTINATIONS)),
    defaultRingTimeSeconds,
    heartbeatIntervalMs: raw.CALL_CONTROL_HEARTBEAT_INTERVAL,
    gatewayTimeoutMs: raw.CALL_CONTROL_GATEWAY_TIMEOUT,
    mediaBufferMs: raw.CALL_CONTROL_MEDIA_BUFFER,
    streamReplicas: Number(raw.CALL_CONTROL_STREAM_REPLICAS),
    logLevel: raw.LOG_LEVEL,
    logPii: raw.WARMLINE_LOG_PII,
    ...(raw.WARMLINE_OTLP_ENDPOINT ? { otlpEndpoint: raw.WARMLINE_OTLP_ENDPOINT } : {}),
  };
}
