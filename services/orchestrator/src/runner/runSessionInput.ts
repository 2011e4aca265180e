import { WarmlineAttributes } from '@warmline/telemetry';
import {
  type AgentSessionConfig,
  type AgentSessionInput,
  decide,
  escalationViewOf,
  foldCall,
} from '../domain/agentSession';
import { type EscalationInput, foldEscalation } from '../domain/escalation';
import { inInputSpan } from '../telemetry/inputSpan';
import { dispatchAll } from './dispatchEffect';
import type { CallStreamPort } from './ports';
import type { SagaRunDeps } from './runSagaInput';

/** What running an agent session input needs. */
export interface SessionRunDeps extends SagaRunDeps {
  readonly callStream: CallStreamPort;
  readonly session: AgentSessionConfig;
}

/**
 * One input through the built-in agent's lifecycle: fold the call's stream and look at the saga,
 * decide, dispatch. The session keeps no stream: every effect has a deterministic id, so a
 * redelivered input repeats ids the receivers drop.
 *
 * @returns the saga inputs it leads to (the AI's end of the call, handed to the saga)
 * @throws EffectDispatchError a publish failed: retry the input (nak)
 */
export const runSessionInput = (
  deps: SessionRunDeps,
  callId: string,
  input: AgentSessionInput,
): Promise<EscalationInput[]> =>
  inInputSpan('session', callId, input.kind, async (setAttribute) => {
    const [callEvents, saga] = await Promise.all([
      deps.callStream.read(callId),
      deps.sagaStream.read(callId),
    ]);
    const sagaState = foldEscalation(callId, saga.events);
    setAttribute(WarmlineAttributes.SAGA_STATUS, sagaState.phase.status);
    const effects = decide(input, {
      state: foldCall(callId, callEvents),
      escalation: escalationViewOf(sagaState),
      config: deps.session,
    });
    return dispatchAll(effects, {
      callId,
      causationId: input.inputId,
      nowMs: input.nowMs,
      ...deps,
    });
  });
