import { type Meter, metrics } from '@opentelemetry/api';
import { type Bus, type ConsumerHandle, ensureStreams, KeyedQueue } from '@warmline/bus';
import { streams } from '@warmline/contracts';
import {
  type Logger,
  WarmlineMetrics,
  createHopRecorder,
  createLogger,
  createStageLatency,
} from '@warmline/telemetry';
import { createCallHandlerLookup } from './adapters/nats/callHandlers';
import { createConversationLog } from './adapters/nats/conversationLog';
import { createSpeechQueue } from './adapters/nats/speechQueue';
import {
  type TranscriptHandler,
  startTranscriptConsumer,
} from './adapters/nats/transcriptConsumer';
import type { LlmDecisionConfig } from './config';
import { createCircuitBreaker } from './decision/circuitBreaker';
import { createDecisionMetrics } from './decision/decisionMetrics';
import { createDecisionRunner } from './decision/decisionRunner';
import type { AgentProfile } from './domain/profile/agentProfile';
import { onCallerTranscribed } from './handlers/onCallerTranscribed';
import { createProvider } from './providers/createProvider';
import type { DecisionProvider } from './providers/decisionProvider';
import { localPolicyProvider } from './providers/localPolicyProvider';
import { checkDestinations } from './settings/checkDestinations';

/** What the service is built from; main.ts passes the real ones, tests their own. */
export interface AppDeps {
  readonly bus: Bus;
  readonly config: LlmDecisionConfig;
  readonly profile: AgentProfile;
  /** Overrides the provider the configuration chooses (tests pass fakes). */
  readonly provider?: DecisionProvider;
  readonly log?: Logger;
  readonly meter?: Meter;
  /** Wall clock in ms since epoch; `Date.now` by default. */
  readonly now?: () => number;
}

/** The running service. */
export interface App {
  /** Ensures the streams it uses and starts consuming transcripts. */
  start(): Promise<void>;
  /** Finishes the transcript in progress and stops consuming. */
  stop(): Promise<void>;
}

/**
 * Builds llm-decision: a durable consumer of final transcripts that decides each turn with the
 * configured provider (bounded by the deadline, with fallback and a circuit breaker) and
 * appends the outcome to the call's conversation stream, queuing speech for the tts stage.
 *
 * @throws {ConfigError} when a destination the profile or a tool uses is not allowlisted.
 */
export function createApp(deps: AppDeps): App {
  const { bus, config, profile } = deps;
  checkDestinations(profile, config.tools, config.destinations);
  const log = deps.log ?? createLogger({ service: 'llm-decision', level: config.logLevel });
  const now = deps.now ?? Date.now;
  const primary =
    deps.provider ??
    createProvider(config.provider, {
      tools: config.tools,
      replyMaxChars: config.replyMaxChars,
      onIgnored: (provider, ignored) =>
        log.warn(
          { provider, security: true, pii: { tools: ignored.tools, arguments: ignored.arguments } },
          'model output ignored',
        ),
    });
  const runner = createDecisionRunner({
    primary,
    local: localPolicyProvider(),
    breaker: createCircuitBreaker(primary.name, config.breaker, now),
    deadlineMs: config.deadlineMs,
    fallback: config.fallback,
    ...(config.fallback.safeReply === undefined ? {} : { safeReply: config.fallback.safeReply }),
  });
  const meter = deps.meter ?? metrics.getMeter('llm-decision');
  const latency = createStageLatency(
    meter,
    WarmlineMetrics.LLM_DECISION_LATENCY_MS,
    'Transcript received to reply (or escalation) appended and its speech queued',
  );
  const hop = createHopRecorder(meter);
  const handle = onCallerTranscribed({
    profile,
    conversations: createConversationLog(bus, profile),
    callHandlers: createCallHandlerLookup(bus, config.defaultHandler),
    speech: createSpeechQueue(bus),
    runner,
    metrics: createDecisionMetrics(meter),
    log,
    now,
    speechSettings: { voice: config.ttsVoice, sampleRate: 0 },
    staleAfterMs: config.staleAfterMs,
  });
  // Turns of one call are decided in order; different calls in parallel, up to `concurrency`.
  const perCall = new KeyedQueue();
  const handleInOrder: TranscriptHandler = async (event, transcript) => {
    const receivedAt = now();
    const result = await perCall.run(event.callId, () => handle(event, transcript));
    // Only turns this replica answered now (not repeats, stale or SDK calls) are measured.
    if (result === 'decided' || result === 'escalated' || result === 'ended') {
      hop('stt', 'llm-decision', event.occurredAt?.getTime() ?? 0, receivedAt);
      latency.record(now() - receivedAt);
    }
    return result;
  };
  const consumers: ConsumerHandle[] = [];
  return {
    start: async () => {
      await ensureStreams(bus, [streams.conversationEvents, streams.speak, streams.callEvents], {
        replicas: config.streamReplicas,
      });
      // Each pull loop handles one message at a time; several loops share the durable.
      for (let i = 0; i < config.concurrency; i += 1) {
        consumers.push(
          await startTranscriptConsumer(bus, { durable: config.durable }, handleInOrder),
        );
      }
      log.info({ provider: primary.name, durable: config.durable }, 'llm-decision started');
    },
    stop: async () => {
      await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
    },
  };
}
