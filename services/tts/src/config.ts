import type { SampleRate } from '@warmline/audio';
import {
  bool,
  durationMs,
  envField,
  loadConfig,
  nonEmpty,
  oneOf,
  port,
  sampleRate,
  url,
  z,
} from '@warmline/config';
import { ENGINE_KINDS, type EngineConfig } from './engines/createEngine';
import { DEFAULT_SETTINGS, type TtsSettings } from './service/ttsSettings';

const count = () =>
  envField('a whole number above 0', (raw) =>
    /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : undefined,
  );

const phrases = () =>
  envField('a JSON array of strings, e.g. ["Hello, thanks for calling."]', (raw) => {
    try {
      const value: unknown = JSON.parse(raw);
      return Array.isArray(value) && value.every((p) => typeof p === 'string') ? value : undefined;
    } catch {
      return undefined;
    }
  });

const rates = () =>
  envField('a comma-separated list of 8000, 16000, 24000', (raw) => {
    const parsed = raw.split(',').map((r) => sampleRate().safeParse(r.trim()).data);
    return parsed.every((r) => r !== undefined) ? parsed : undefined;
  });

const durations = () =>
  envField('a comma-separated list of durations, e.g. 250ms,1s', (raw) => {
    const parsed = raw.split(',').map((d) => durationMs().safeParse(d.trim()).data);
    return parsed.every((d) => d !== undefined) ? parsed : undefined;
  });

const d = DEFAULT_SETTINGS;

/** The environment variables of the tts service. */
export const ttsEnvSchema = z
  .object({
    NATS_URL: url({ protocols: ['nats:', 'tls:'] }),
    METRICS_PORT: port().optional(),
    OTEL_EXPORTER_OTLP_ENDPOINT: url({ protocols: ['http:', 'https:'] }).optional(),
    WARMLINE_LOG_PII: bool().default(false),
    LOG_LEVEL: oneOf(['trace', 'debug', 'info', 'warn', 'error']).default('info'),
    TTS_ENGINE: oneOf(ENGINE_KINDS).default('flite'),
    TTS_VOICE: nonEmpty().optional(),
    TTS_ENGINE_BINARY: nonEmpty().optional(),
    TTS_DEFAULT_SAMPLE_RATE: sampleRate().default(d.defaultSampleRate),
    TTS_LEAD: durationMs().default(d.leadMs),
    TTS_MAX_IN_FLIGHT: count().default(d.maxInFlight),
    TTS_CALL_MAX_UTTERANCES: count().default(d.perCall.maxUtterances),
    TTS_CALL_MAX_TEXT_BYTES: count().default(d.perCall.maxTextBytes),
    TTS_MAX_TEXT_CHARS: count().default(d.maxTextChars),
    TTS_MAX_ATTEMPTS: count().default(d.retry.maxAttempts),
    TTS_RETRY_BACKOFF: durations().default([...d.retry.backoffMs]),
    TTS_ORDER_WAIT_MAX: durationMs().default(d.orderWaitMaxMs),
    TTS_CACHE_MAX_BYTES: count().default(d.cache.maxBytes),
    TTS_CACHE_MAX_ENTRY_BYTES: count().default(d.cache.maxEntryBytes),
    TTS_PRELOAD_PHRASES: phrases().default([]),
    TTS_PRELOAD_SAMPLE_RATES: rates().default([...d.preload.sampleRates]),
    TTS_DRAIN_TIMEOUT: durationMs().default(d.drainTimeoutMs),
    TTS_DURABLE: nonEmpty().default(d.durable),
    TTS_STREAM_REPLICAS: count().default(d.streamReplicas),
    OPENAI_BASE_URL: url({ protocols: ['http:', 'https:'] }).default('https://api.openai.com'),
    OPENAI_API_KEY: nonEmpty().optional(),
    OPENAI_TTS_MODEL: nonEmpty().default('gpt-4o-mini-tts'),
    DEEPGRAM_BASE_URL: url({ protocols: ['http:', 'https:'] }).default('https://api.deepgram.com'),
    DEEPGRAM_API_KEY: nonEmpty().optional(),
    ELEVENLABS_BASE_URL: url({ protocols: ['http:', 'https:'] }).default(
      'https://api.elevenlabs.io',
    ),
    ELEVENLABS_API_KEY: nonEmpty().optional(),
    ELEVENLABS_MODEL: nonEmpty().default('eleven_flash_v2_5'),
  })
  .superRefine((env, ctx) => {
    const keyFor = {
      openai: 'OPENAI_API_KEY',
      deepgram: 'DEEPGRAM_API_KEY',
      elevenlabs: 'ELEVENLABS_API_KEY',
    } as const;
    if (env.TTS_ENGINE in keyFor) {
      const variable = keyFor[env.TTS_ENGINE as keyof typeof keyFor];
      if (env[variable] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [variable],
          message: `an API key (TTS_ENGINE is ${env.TTS_ENGINE})`,
        });
      }
    }
  });

/** The tts service's configuration. */
export interface TtsConfig {
  readonly natsUrl: string;
  readonly metricsPort: number | undefined;
  readonly otlpEndpoint: string | undefined;
  readonly logPii: boolean;
  readonly logLevel: string;
  readonly engine: EngineConfig;
  readonly settings: TtsSettings;
}

type Env = z.output<typeof ttsEnvSchema>;

const engineConfig = (env: Env): EngineConfig => {
  switch (env.TTS_ENGINE) {
    case 'flite':
    case 'espeak-ng':
    case 'festival':
      return { kind: env.TTS_ENGINE, voice: env.TTS_VOICE, binary: env.TTS_ENGINE_BINARY };
    case 'instant':
      return { kind: 'instant' };
    case 'openai':
      return {
        kind: 'openai',
        baseUrl: env.OPENAI_BASE_URL,
        apiKey: env.OPENAI_API_KEY ?? '',
        model: env.OPENAI_TTS_MODEL,
        voice: env.TTS_VOICE ?? 'alloy',
      };
    case 'deepgram':
      return {
        kind: 'deepgram',
        baseUrl: env.DEEPGRAM_BASE_URL,
        apiKey: env.DEEPGRAM_API_KEY ?? '',
        voice: env.TTS_VOICE ?? 'aura-2-thalia-en',
      };
    case 'elevenlabs':
      return {
        kind: 'elevenlabs',
        baseUrl: env.ELEVENLABS_BASE_URL,
        apiKey: env.ELEVENLABS_API_KEY ?? '',
        model: env.ELEVENLABS_MODEL,
        voice: env.TTS_VOICE ?? '21m00Tcm4TlvDq8ikWAM',
      };
  }
};

/**
 * Reads the tts service's configuration from the environment (the only place
 * that does). @throws `ConfigError` listing every missing or invalid variable.
 */
export const loadTtsConfig = (
  source: Readonly<Record<string, string | undefined>> = process.env,
): TtsConfig => {
  const env = loadConfig(ttsEnvSchema, source);
  const preloadRates: SampleRate[] = env.TTS_PRELOAD_SAMPLE_RATES;
  return {
    natsUrl: env.NATS_URL,
    metricsPort: env.METRICS_PORT,
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
    logPii: env.WARMLINE_LOG_PII,
    logLevel: env.LOG_LEVEL,
    engine: engineConfig(env),
    settings: {
      ...DEFAULT_SETTINGS,
      durable: env.TTS_DURABLE,
      streamReplicas: env.TTS_STREAM_REPLICAS,
      defaultSampleRate: env.TTS_DEFAULT_SAMPLE_RATE,
      maxTextChars: env.TTS_MAX_TEXT_CHARS,
      leadMs: env.TTS_LEAD,
      maxInFlight: env.TTS_MAX_IN_FLIGHT,
      perCall: {
        maxUtterances: env.TTS_CALL_MAX_UTTERANCES,
        maxTextBytes: env.TTS_CALL_MAX_TEXT_BYTES,
      },
      retry: { maxAttempts: env.TTS_MAX_ATTEMPTS, backoffMs: env.TTS_RETRY_BACKOFF },
      orderWaitMaxMs: env.TTS_ORDER_WAIT_MAX,
      cache: { maxBytes: env.TTS_CACHE_MAX_BYTES, maxEntryBytes: env.TTS_CACHE_MAX_ENTRY_BYTES },
      preload: { phrases: env.TTS_PRELOAD_PHRASES, sampleRates: preloadRates },
      drainTimeoutMs: env.TTS_DRAIN_TIMEOUT,
    },
  };
};
