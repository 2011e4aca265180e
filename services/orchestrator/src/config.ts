import {
  bool,
  durationMs,
  loadConfig,
  nonEmpty,
  oneOf,
  port,
  url,
  z,
  type EnvSource,
} from '@warmline/config';
import { type AgentSessionConfig, defaultAgentSessionConfig } from './domain/agentSession';
import { type EscalationConfig, escalationConfig } from './domain/escalation';

const FALLBACK_MODES = ['return-to-agent', 'voicemail', 'end'] as const;

const schema = z.object({
  NATS_URL: url({ protocols: ['nats:', 'tls:'] }).default('nats://127.0.0.1:4222'),
  ORCHESTRATOR_GREETING: nonEmpty().default(defaultAgentSessionConfig.greeting),
  ORCHESTRATOR_GOODBYE: nonEmpty().default(defaultAgentSessionConfig.goodbye),
  ORCHESTRATOR_GOODBYE_TIMEOUT: durationMs().default(defaultAgentSessionConfig.goodbyeTimeoutMs),
  ORCHESTRATOR_TRANSITION_LINE: nonEmpty().optional(),
  /** Whole seconds, 1 to 120: `30s`. */
  ORCHESTRATOR_RING_TIME: durationMs().optional(),
  ORCHESTRATOR_BRIEFING: bool().optional(),
  ORCHESTRATOR_BRIEFING_TEMPLATE: nonEmpty().optional(),
  ORCHESTRATOR_FALLBACK_MODE: oneOf(FALLBACK_MODES).optional(),
  ORCHESTRATOR_SAVE_CONTEXT_TIMEOUT: durationMs().optional(),
  ORCHESTRATOR_SPEECH_TIMEOUT: durationMs().optional(),
  ORCHESTRATOR_CONNECT_MARGIN: durationMs().optional(),
  ORCHESTRATOR_AGENT_MODE_TIMEOUT: durationMs().optional(),
  ORCHESTRATOR_BRIEFING_TIMEOUT: durationMs().optional(),
  ORCHESTRATOR_LEAVE_TIMEOUT: durationMs().optional(),
  ORCHESTRATOR_CHOICE_TIMEOUT: durationMs().optional(),
  ORCHESTRATOR_REQUEST_TIMEOUT: durationMs().default(2_000),
  ORCHESTRATOR_ACK_WAIT: durationMs().default(30_000),
  ORCHESTRATOR_STREAM_REPLICAS: oneOf(['1', '3', '5']).default('1'),
  ORCHESTRATOR_METRICS_PORT: port().optional(),
  LOG_LEVEL: oneOf(['trace', 'debug', 'info', 'warn', 'error']).default('info'),
  WARMLINE_LOG_PII: bool().default(false),
  WARMLINE_OTLP_ENDPOINT: url({ protocols: ['http:', 'https:'] }).optional(),
});

/** The orchestrator's configuration, read once at start. Durations in ms. */
export interface OrchestratorConfig {
  readonly natsUrl: string;
  readonly escalation: EscalationConfig;
  readonly agentSession: AgentSessionConfig;
  /** Reply timeout for request/reply effects (save context, record voicemail). */
  readonly requestTimeoutMs: number;
  /** JetStream ack wait of the input consumers: how soon an input a dead process held comes back. */
  readonly ackWaitMs: number;
  readonly streamReplicas: number;
  readonly metricsPort?: number;
  readonly logLevel: string;
  readonly logPii: boolean;
  readonly otlpEndpoint?: string;
}

type Env = z.output<typeof schema>;

/** Keeps only the keys whose value is set, so the saga's defaults fill the rest. */
const defined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

const toEscalationConfig = (env: Env): EscalationConfig =>
  escalationConfig({
    ...defined({
      transitionLine: env.ORCHESTRATOR_TRANSITION_LINE,
      ringTimeSeconds:
        env.ORCHESTRATOR_RING_TIME === undefined ? undefined : env.ORCHESTRATOR_RING_TIME / 1000,
    }),
    briefing: defined({
      enabled: env.ORCHESTRATOR_BRIEFING,
      template: env.ORCHESTRATOR_BRIEFING_TEMPLATE,
    }),
    fallback: defined({ mode: env.ORCHESTRATOR_FALLBACK_MODE }),
    timeouts: defined({
      saveContextMs: env.ORCHESTRATOR_SAVE_CONTEXT_TIMEOUT,
      speechMs: env.ORCHESTRATOR_SPEECH_TIMEOUT,
      connectMarginMs: env.ORCHESTRATOR_CONNECT_MARGIN,
      agentModeMs: env.ORCHESTRATOR_AGENT_MODE_TIMEOUT,
      briefingMs: env.ORCHESTRATOR_BRIEFING_TIMEOUT,
      leaveMs: env.ORCHESTRATOR_LEAVE_TIMEOUT,
      choiceMs: env.ORCHESTRATOR_CHOICE_TIMEOUT,
    }),
  });

/**
 * Reads and checks the configuration.
 * @throws ConfigError listing every missing or malformed variable
 * @throws EscalationConfigError for a saga setting out of range (e.g. a ring time of 1.5 s)
 */
export const loadOrchestratorConfig = (env: EnvSource = process.env): OrchestratorConfig => {
  const raw = loadConfig(schema, env);
  return {
    natsUrl: raw.NATS_URL,
    escalation: toEscalationConfig(raw),
    agentSession: {
      greeting: raw.ORCHESTRATOR_GREETING,
      goodbye: raw.ORCHESTRATOR_GOODBYE,
      goodbyeTimeoutMs: raw.ORCHESTRATOR_GOODBYE_TIMEOUT,
    },
    requestTimeoutMs: raw.ORCHESTRATOR_REQUEST_TIMEOUT,
    ackWaitMs: raw.ORCHESTRATOR_ACK_WAIT,
    streamReplicas: Number(raw.ORCHESTRATOR_STREAM_REPLICAS),
    ...defined({
      metricsPort: raw.ORCHESTRATOR_METRICS_PORT,
      otlpEndpoint: raw.WARMLINE_OTLP_ENDPOINT,
    }),
    logLevel: raw.LOG_LEVEL,
    logPii: raw.WARMLINE_LOG_PII,
  };
};
