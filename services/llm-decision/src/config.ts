import {
  ConfigError,
  type EnvSource,
  bool,
  durationMs,
  list,
  loadConfig,
  nonEmpty,
  oneOf,
  port,
  url,
  z,
} from '@warmline/config';
import { CallHandler } from '@warmline/contracts';
import { DEFAULT_PROFILE_PATH } from './adapters/profileFile';
import type { BreakerSettings } from './domain/decision/breakerState';
import type { ConfiguredTool } from './domain/decision/configuredTool';
import type { FallbackMode } from './domain/decision/fallbackPlan';
import { count } from './settings/count';
import { toConfiguredTools, toolsField } from './settings/toolSettings';

const httpUrl = () => url({ protocols: ['http:', 'https:'] });

const schema = z.object({
  NATS_URL: url({ protocols: ['nats:', 'tls:'] }).default('nats://127.0.0.1:4222'),
  LLM_DECISION_PROVIDER: oneOf(['local', 'openai', 'gemini']).default('local'),
  LLM_DECISION_OPENAI_BASE_URL: httpUrl().default('https://api.openai.com/v1'),
  LLM_DECISION_OPENAI_API_KEY: nonEmpty().optional(),
  LLM_DECISION_OPENAI_MODEL: nonEmpty().default('gpt-4o-mini'),
  LLM_DECISION_GEMINI_BASE_URL: httpUrl().default('https://generativelanguage.googleapis.com'),
  LLM_DECISION_GEMINI_API_KEY: nonEmpty().optional(),
  LLM_DECISION_GEMINI_MODEL: nonEmpty().default('gemini-2.5-flash'),
  LLM_DECISION_DEADLINE: durationMs().default(1_500),
  LLM_DECISION_FALLBACK: oneOf(['policy', 'safe-reply']).default('policy'),
  LLM_DECISION_SAFE_REPLY: nonEmpty().optional(),
  LLM_DECISION_MAX_CONSECUTIVE_FAILURES: count().default(3),
  LLM_DECISION_BREAKER_FAILURES: count().default(5),
  LLM_DECISION_BREAKER_COOLDOWN: durationMs().default(30_000),
  LLM_DECISION_PROFILE_PATH: nonEmpty().default(DEFAULT_PROFILE_PATH),
  LLM_DECISION_DESTINATIONS: list().optional(),
  LLM_DECISION_TOOLS: toolsField().default([]),
  LLM_DECISION_DEFAULT_HANDLER: oneOf(['BUILT_IN_AGENT', 'SDK']).default('BUILT_IN_AGENT'),
  LLM_DECISION_DURABLE: nonEmpty().default('llm-decision'),
  LLM_DECISION_CONCURRENCY: count().default(16),
  LLM_DECISION_REPLY_MAX_CHARS: count().default(600),
  LLM_DECISION_STALE_AFTER: durationMs().default(120_000),
  LLM_DECISION_TTS_VOICE: nonEmpty().optional(),
  LLM_DECISION_STREAM_REPLICAS: oneOf(['1', '3', '5']).default('1'),
  LOG_LEVEL: oneOf(['trace', 'debug', 'info', 'warn', 'error']).default('info'),
  WARMLINE_LOG_PII: bool().default(false),
  WARMLINE_OTLP_ENDPOINT: httpUrl().optional(),
  METRICS_PORT: port().optional(),
});

/** Which provider decides, and how to reach it. */
export type ProviderConfig =
  | { readonly kind: 'local' }
  | {
      readonly kind: 'openai';
      readonly baseUrl: string;
      readonly apiKey?: string;
      readonly model: string;
    }
  | {
      readonly kind: 'gemini';
      readonly baseUrl: string;
      readonly apiKey: string;
      readonly model: string;
    };

/** llm-decision's configuration, read once at start. Durations in ms. */
export interface LlmDecisionConfig {
  readonly natsUrl: string;
  readonly provider: ProviderConfig;
  /** How long a provider may take for one turn before the fallback decides. */
  readonly deadlineMs: number;
  readonly fallback: {
    readonly mode: FallbackMode;
    /** The safe reply; the profile's reprompt line when absent. */
    readonly safeReply?: string;
    /** After this many provider failures in a row in one call, escalate (0: never). */
    readonly maxConsecutiveFailures: number;
  };
  readonly breaker: BreakerSettings;
  readonly profilePath: string;
  /** Destination ids a transfer may go to; the profile's destination alone when absent. */
  readonly destinations?: readonly string[];
  readonly tools: readonly ConfiguredTool[];
  /** The handler assumed for a call whose `CallStarted` is not found. */
  readonly defaultHandler: CallHandler;
  readonly durable: string;
  /** Transcripts decided at once by one instance (turns of one call always one at a time). */
  readonly concurrency: number;
  readonly replyMaxChars: number;
  readonly staleAfterMs: number;
  readonly ttsVoice: string;
  readonly streamReplicas: number;
  readonly logLevel: string;
  readonly logPii: boolean;
  readonly otlpEndpoint?: string;
  readonly metricsPort?: number;
}

type Raw = z.output<typeof schema>;

const providerConfig = (raw: Raw): ProviderConfig => {
  switch (raw.LLM_DECISION_PROVIDER) {
    case 'local':
      return { kind: 'local' };
    case 'openai': {
      const apiKey = raw.LLM_DECISION_OPENAI_API_KEY;
      return {
        kind: 'openai',
        baseUrl: raw.LLM_DECISION_OPENAI_BASE_URL,
        model: raw.LLM_DECISION_OPENAI_MODEL,
        ...(apiKey === undefined ? {} : { apiKey }),
      };
    }
    case 'gemini': {
      const apiKey = raw.LLM_DECISION_GEMINI_API_KEY;
      if (apiKey === undefined) {
        throw new ConfigError([
          {
            variable: 'LLM_DECISION_GEMINI_API_KEY',
            problem: 'missing',
            expected: 'the Gemini API key',
          },
        ]);
      }
      return {
        kind: 'gemini',
        baseUrl: raw.LLM_DECISION_GEMINI_BASE_URL,
        apiKey,
        model: raw.LLM_DECISION_GEMINI_MODEL,
      };
    }
  }
};

/**
 * Reads llm-decision's configuration from the environment, failing fast with every problem
 * listed (API keys never appear in the message).
 *
 * @throws {ConfigError}
 */
export function loadLlmDecisionConfig(env: EnvSource = process.env): LlmDecisionConfig {
  const raw = loadConfig(schema, env);
  return {
    natsUrl: raw.NATS_URL,
    provider: providerConfig(raw),
    deadlineMs: raw.LLM_DECISION_DEADLINE,
    fallback: {
      mode: raw.LLM_DECISION_FALLBACK,
      maxConsecutiveFailures: raw.LLM_DECISION_MAX_CONSECUTIVE_FAILURES,
      ...(raw.LLM_DECISION_SAFE_REPLY === undefined
        ? {}
        : { safeReply: raw.LLM_DECISION_SAFE_REPLY }),
    },
    breaker: {
      failureThreshold: raw.LLM_DECISION_BREAKER_FAILURES,
      cooldownMs: raw.LLM_DECISION_BREAKER_COOLDOWN,
    },
    profilePath: raw.LLM_DECISION_PROFILE_PATH,
    ...(raw.LLM_DECISION_DESTINATIONS === undefined
      ? {}
      : { destinations: raw.LLM_DECISION_DESTINATIONS }),
    tools: toConfiguredTools(raw.LLM_DECISION_TOOLS),
    defaultHandler:
      raw.LLM_DECISION_DEFAULT_HANDLER === 'SDK'
        ? CallHandler.CALL_HANDLER_SDK
        : CallHandler.CALL_HANDLER_BUILT_IN_AGENT,
    durable: raw.LLM_DECISION_DURABLE,
    concurrency: Math.max(1, raw.LLM_DECISION_CONCURRENCY),
    replyMaxChars: raw.LLM_DECISION_REPLY_MAX_CHARS,
    staleAfterMs: raw.LLM_DECISION_STALE_AFTER,
    ttsVoice: raw.LLM_DECISION_TTS_VOICE ?? '',
    streamReplicas: Number(raw.LLM_DECISION_STREAM_REPLICAS),
    logLevel: raw.LOG_LEVEL,
    logPii: raw.WARMLINE_LOG_PII,
    ...(raw.WARMLINE_OTLP_ENDPOINT === undefined
      ? {}
      : { otlpEndpoint: raw.WARMLINE_OTLP_ENDPOINT }),
    ...(raw.METRICS_PORT === undefined ? {} : { metricsPort: raw.METRICS_PORT }),
  };
}
