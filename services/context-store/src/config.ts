import {
  bool,
  durationMs,
  type EnvSource,
  loadConfig,
  nonEmpty,
  oneOf,
  url,
  z,
} from '@warmline/config';
import { REDACTION_KINDS, type RedactionPolicy } from './domain';
import { hostPort, mongoUrl, redactionKinds } from './settings/fields';

const DAY_MS = 24 * 3_600_000;

const schema = z.object({
  NATS_URL: url({ protocols: ['nats:', 'tls:'] }).default('nats://127.0.0.1:4222'),
  MONGO_URL: mongoUrl().default('mongodb://127.0.0.1:27017/'),
  CONTEXT_STORE_DATABASE: nonEmpty().default('warmline_context'),
  CONTEXT_STORE_GRPC_ADDRESS: hostPort().default('127.0.0.1:50062'),
  CONTEXT_STORE_TLS_CERT_FILE: nonEmpty().optional(),
  CONTEXT_STORE_TLS_KEY_FILE: nonEmpty().optional(),
  CONTEXT_STORE_TLS_CA_FILE: nonEmpty().optional(),
  CONTEXT_STORE_DESK_ENABLED: bool().default(true),
  CONTEXT_STORE_DESK_ADDRESS: hostPort().default('127.0.0.1:8090'),
  CONTEXT_STORE_RETENTION_ENABLED: bool().default(true),
  CONTEXT_STORE_RETENTION: durationMs().default(30 * DAY_MS),
  CONTEXT_STORE_RETENTION_MODE: oneOf(['auto', 'ttl', 'sweep']).default('auto'),
  CONTEXT_STORE_RETENTION_SWEEP_INTERVAL: durationMs().default(60_000),
  CONTEXT_STORE_REDACTION_ENABLED: bool().default(true),
  CONTEXT_STORE_REDACT: redactionKinds().default([...REDACTION_KINDS]),
  CONTEXT_STORE_SAVE_TIMEOUT: durationMs().default(2_500),
  CONTEXT_STORE_STREAM_REPLICAS: oneOf(['1', '3', '5']).default('1'),
  LOG_LEVEL: oneOf(['trace', 'debug', 'info', 'warn', 'error']).default('info'),
  WARMLINE_LOG_PII: bool().default(false),
  WARMLINE_OTLP_ENDPOINT: url({ protocols: ['http:', 'https:'] }).optional(),
});

/** How retention removes old contexts: a TTL index, a periodic sweep, or the TTL index when the server has one. */
export type RetentionMode = 'auto' | 'ttl' | 'sweep';

/** Retention settings. Durations in ms. */
export interface RetentionConfig {
  readonly enabled: boolean;
  /** How long a context is kept after its last event. */
  readonly retentionMs: number;
  readonly mode: RetentionMode;
  /** How often the sweep runs when there is no TTL index. */
  readonly sweepIntervalMs: number;
}

/** TLS for the gRPC server; with a CA file, clients must present a certificate it signed. */
export interface GrpcTlsConfig {
  readonly certFile: string;
  readonly keyFile: string;
  readonly caFile?: string;
}

/** context-store's configuration, read once at start. Durations in ms. */
export interface ContextStoreConfig {
  readonly natsUrl: string;
  readonly mongoUrl: string;
  readonly databaseName: string;
  /** Where the gRPC API listens (loopback by default). */
  readonly grpcAddress: string;
  readonly grpcTls?: GrpcTlsConfig;
  /** Where the agent desk listens (loopback by default); undefined when the desk is off. */
  readonly deskAddress?: string;
  readonly retention: RetentionConfig;
  readonly redaction: RedactionPolicy;
  /** How long a SaveContext request may take to catch up before it answers with an error. */
  readonly saveTimeoutMs: number;
  readonly streamReplicas: number;
  readonly logLevel: string;
  readonly logPii: boolean;
  readonly otlpEndpoint?: string;
}

/**
 * Reads context-store's configuration from the environment, failing fast with every problem.
 *
 * @throws {@link ConfigError}
 */
export function loadContextStoreConfig(env: EnvSource = process.env): ContextStoreConfig {
  const raw = loadConfig(schema, env);
  const certFile = raw.CONTEXT_STORE_TLS_CERT_FILE;
  const keyFile = raw.CONTEXT_STORE_TLS_KEY_FILE;
  const caFile = raw.CONTEXT_STORE_TLS_CA_FILE;
  return {
    natsUrl: raw.NATS_URL,
    mongoUrl: raw.MONGO_URL,
    databaseName: raw.CONTEXT_STORE_DATABASE,
    grpcAddress: raw.CONTEXT_STORE_GRPC_ADDRESS,
    ...(certFile && keyFile
      ? { grpcTls: { certFile, keyFile, ...(caFile ? { caFile } : {}) } }
      : {}),
    ...(raw.CONTEXT_STORE_DESK_ENABLED ? { deskAddress: raw.CONTEXT_STORE_DESK_ADDRESS } : {}),
    retention: {
      enabled: raw.CONTEXT_STORE_RETENTION_ENABLED,
      retentionMs: raw.CONTEXT_STORE_RETENTION,
      mode: raw.CONTEXT_STORE_RETENTION_MODE,
      sweepIntervalMs: raw.CONTEXT_STORE_RETENTION_SWEEP_INTERVAL,
    },
    redaction: {
      enabled: raw.CONTEXT_STORE_REDACTION_ENABLED,
      kinds: new Set(raw.CONTEXT_STORE_REDACT),
    },
    saveTimeoutMs: raw.CONTEXT_STORE_SAVE_TIMEOUT,
    streamReplicas: Number(raw.CONTEXT_STORE_STREAM_REPLICAS),
    logLevel: raw.LOG_LEVEL,
    logPii: raw.WARMLINE_LOG_PII,
    ...(raw.WARMLINE_OTLP_ENDPOINT ? { otlpEndpoint: raw.WARMLINE_OTLP_ENDPOINT } : {}),
  };
}
