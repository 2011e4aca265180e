import { type Logger, WarmlineAttributes } from '@warmline/telemetry';
import {
  type EscalationConfig,
  type EscalationInput,
  createEscalationWorkflow,
  foldEscalation,
  redeliveryEffects,
} from '../domain/escalation';
import { inInputSpan } from '../telemetry/inputSpan';
import type { SagaMetrics } from '../telemetry/sagaMetrics';
import { type RunnerEffect, dispatchAll } from './dispatchEffect';
import type { EffectPorts, SagaStreamPort } from './ports';

/** What running a saga input needs. */
export interface SagaRunDeps {
  readonly sagaStream: SagaStreamPort;
  readonly ports: EffectPorts;
  readonly escalation: EscalationConfig;
  readonly metrics: SagaMetrics;
  readonly log: Logger;
}

/**
 * One input through the saga of its call (Emmett's handleWorkflow): load the stream, fold, decide,
 * append the decision at the version read, dispatch its effects. A redelivered input the log
 * already holds (the ack was lost, or a dispatch failed after the append) gets the effects of its
 * recorded decision dispatched again, under their original ids.
 *
 * @returns the saga inputs the effects lead to (none today; kept symmetrical with the session)
 * @throws ConcurrencyError another writer appended first: retry the input (nak)
 * @throws EffectDispatchError a publish failed after the append: retry the input (nak)
 */
export const runSagaInput = (
  deps: SagaRunDeps,
  callId: string,
  input: EscalationInput,
  redelivered: boolean,
): Promise<EscalationInput[]> =>
  inInputSpan('saga', callId, input.kind, async (setAttribute) => {
    const workflow = createEscalationWorkflow(deps.escalation);
    const { events, version } = await deps.sagaStream.read(callId);
    const state = foldEscalation(callId, events);
    const decision = workflow.decide(input, state);
    const dispatch = (effects: readonly RunnerEffect[]) =>
      dispatchAll(effects, { callId, causationId: input.inputId, nowMs: input.nowMs, ...deps });

    if (decision.events.length === 0) {
      setAttribute(WarmlineAttributes.SAGA_STATUS, state.phase.status);
      const recorded = state.processedInputIds.includes(input.inputId);
      return redelivered && recorded
        ? dispatch(redeliveryEffects(callId, events, input.inputId, deps.escalation))
        : [];
    }
    const duplicate = await deps.sagaStream.append(callId, decision.events, version);
    const after = decision.events.reduce(workflow.evolve, state);
    setAttribute(WarmlineAttributes.SAGA_STATUS, after.phase.status);
    if (!duplicate) {
      deps.metrics.recordAppended(decision.events, state.escalation?.reason);
      deps.log.info(
        {
          [WarmlineAttributes.CALL_ID]: callId,
          input: input.kind,
          from: state.phase.status,
          to: after.phase.status,
          effects: decision.effects.map((effect) => effect.kind),
        },
        'saga decided',
      );
    }
    return dispatch(decision.effects);
  });
