import type { Bus, ConsumerHandle } from '@warmline/bus';
import type { Logger } from '@warmline/telemetry';
import { createEffectPorts } from './adapters/nats/effectPorts';
import { ensureOrchestratorStreams } from './adapters/nats/ensureOrchestratorStreams';
import { startInputConsumers } from './adapters/nats/inputConsumers';
import { createCallStream, createSagaStream } from './adapters/nats/streamPorts';
import type { OrchestratorConfig } from './config';
import type { EffectPorts } from './runner/ports';
import { createRunner } from './runner/runner';
import { type SagaMetrics, noSagaMetrics } from './telemetry/sagaMetrics';

/** What the orchestrator is built from. */
export interface AppDeps {
  readonly bus: Bus;
  readonly config: OrchestratorConfig;
  readonly log: Logger;
  readonly metrics?: SagaMetrics;
  /** Wall-clock ms (default `Date.now`). */
  readonly clock?: () => number;
  /** Wraps the effect ports (tests inject faults here). */
  readonly wrapPorts?: (ports: EffectPorts) => EffectPorts;
}

/** A runnable orchestrator. */
export interface App {
  /** Creates the streams it uses and starts consuming. */
  start(): Promise<void>;
  /** Stops consuming; the inputs in progress finish and are acked. Does not close the bus. */
  stop(): Promise<void>;
}

/**
 * The orchestrator: the escalation saga and the built-in agent's call lifecycle, fed by durable
 * JetStream consumers, with state in the saga's stream and timers as JetStream schedules.
 */
export const createApp = (deps: AppDeps): App => {
  const { bus, config, log } = deps;
  const basePorts = createEffectPorts(bus, config.requestTimeoutMs);
  const callStream = createCallStream(bus);
  const runner = createRunner({
    sagaStream: createSagaStream(bus),
    callStream,
    ports: deps.wrapPorts ? deps.wrapPorts(basePorts) : basePorts,
    escalation: config.escalation,
    session: config.agentSession,
    metrics: deps.metrics ?? noSagaMetrics,
    log,
  });
  let consumers: ConsumerHandle[] = [];
  return {
    start: async () => {
      await ensureOrchestratorStreams(bus, { replicas: config.streamReplicas });
      const handlerDeps = { runner, callStream, clock: deps.clock ?? Date.now };
      consumers = await startInputConsumers(bus, handlerDeps, config.ackWaitMs);
      log.info({ consumers: consumers.length }, 'orchestrator ready');
    },
    stop: async () => {
      await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
      await runner.idle();
      log.info('orchestrator stopped');
    },
  };
};
