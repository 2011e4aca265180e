import { hostname } from 'node:os';
import {
  bool,
  ConfigError,
  durationMs,
  loadConfig,
  nonEmpty,
  oneOf,
  url,
  z,
  type EnvSource,
} from '@warmline/config';
import type { SttAppConfig } from './app';

const schema = z.object({
  NATS_URL: url({ protocols: ['nats:', 'tls:'] }).default('nats://127.0.0.1:4222'),
  STT_ENGINE: oneOf(['pocketsphinx', 'deepgram', 'openai', 'instant']).default('pocketsphinx'),
  STT_REPLICA_ID: nonEmpty().optional(),
  STT_MAX_CALLS: z.coerce.number().int().positive().default(4),
  STT_LEASE_TTL: durationMs().default(3_000),
  STT_IDLE_TIMEOUT: durationMs().default(10_000),
  STT_END_OF_TURN_SILENCE: durationMs().default(700),
  STT_BARGE_IN_MIN_SPEECH: durationMs().default(400),
  STT_PYTHON: nonEmpty().default('/usr/bin/python3'),
  STT_INSTANT_TRANSCRIPT: nonEmpty().default('what are your opening hours'),
  DEEPGRAM_API_KEY: nonEmpty().optional(),
  DEEPGRAM_URL: url({ protocols: ['wss:', 'ws:'] }).default('wss://api.deepgram.com'),
  OPENAI_API_KEY: nonEmpty().optional(),
  OPENAI_BASE_URL: url({ protocols: ['https:', 'http:'] }).default('https://api.openai.com/v1'),
  OPENAI_TRANSCRIPTION_MODEL: nonEmpty().default('gpt-4o-mini-transcribe'),
  LOG_LEVEL: oneOf(['trace', 'debug', 'info', 'warn', 'error']).default('info'),
  WARMLINE_LOG_PII: bool().default(false),
  WARMLINE_OTLP_ENDPOINT: url({ protocols: ['http:', 'https:'] }).optional(),
});

/** Which engine and how to reach it. */
export type EngineConfig =
  | { readonly kind: 'pocketsphinx'; readonly python: string }
  /** Benchmarks only: every turn's transcript is `transcript`, given at end of speech. */
  | { readonly kind: 'instant'; readonly transcript: string }
  | { readonly kind: 'deepgram'; readonly apiKey: string; readonly baseUrl: string }
  | {
      readonly kind: 'openai';
      readonly apiKey: string;
      readonly baseUrl: string;
      readonly model: string;
    };

/** The stt service's configuration. */
export interface SttConfig {
  readonly natsUrl: string;
  readonly engine: EngineConfig;
  readonly app: SttAppConfig;
  readonly logLevel: string;
  readonly logPii: boolean;
  readonly otlpEndpoint: string | undefined;
}

const needs = (variable: string, engine: string): ConfigError =>
  new ConfigError([
    { variable, problem: 'missing', expected: `an API key (STT_ENGINE=${engine})` },
  ]);

const engineOf = (env: z.output<typeof schema>): EngineConfig => {
  if (env.STT_ENGINE === 'deepgram') {
    if (!env.DEEPGRAM_API_KEY) throw needs('DEEPGRAM_API_KEY', 'deepgram');
    return { kind: 'deepgram', apiKey: env.DEEPGRAM_API_KEY, baseUrl: env.DEEPGRAM_URL };
  }
  if (env.STT_ENGINE === 'openai') {
    if (!env.OPENAI_API_KEY) throw needs('OPENAI_API_KEY', 'openai');
    return {
      kind: 'openai',
      apiKey: env.OPENAI_API_KEY,
      baseUrl: env.OPENAI_BASE_URL,
      model: env.OPENAI_TRANSCRIPTION_MODEL,
    };
  }
  if (env.STT_ENGINE === 'instant')
    return { kind: 'instant', transcript: env.STT_INSTANT_TRANSCRIPT };
  return { kind: 'pocketsphinx', python: env.STT_PYTHON };
};

/**
 * Reads the stt configuration from the environment (the only reader of
 * `process.env` in this service). @throws {@link ConfigError} listing every bad variable.
 */
export const loadSttConfig = (env: EnvSource = process.env): SttConfig => {
  const parsed = loadConfig(schema, env);
  return {
    natsUrl: parsed.NATS_URL,
    engine: engineOf(parsed),
    app: {
      replicaId: parsed.STT_REPLICA_ID ?? `stt-${hostname()}-${process.pid}`,
      leaseTtlMs: parsed.STT_LEASE_TTL,
      maxCalls: parsed.STT_MAX_CALLS,
      idleMs: parsed.STT_IDLE_TIMEOUT,
      turnTaking: {
        endOfTurn: { endSilenceMs: parsed.STT_END_OF_TURN_SILENCE },
        bargeIn: { minSpeechMs: parsed.STT_BARGE_IN_MIN_SPEECH },
      },
    },
    logLevel: parsed.LOG_LEVEL,
    logPii: parsed.WARMLINE_LOG_PII,
    otlpEndpoint: parsed.WARMLINE_OTLP_ENDPOINT,
  };
};
