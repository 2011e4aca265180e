import {
  AgentMode,
  type EscalationEvent,
  EscalationOutcome,
  type EscalationStepEntered,
} from '@warmline/contracts';
import { EscalationEventError } from './escalationErrors';
import { applyInputRecord } from './inputRecord';
import { type StepStatus, statusOf } from './steps';
import type { CalleeLeg, EscalationState } from './state';

const CALLEE_ON_THE_LINE: ReadonlySet<StepStatus> = new Set([
  'SwitchingToWhisper',
  'Briefing',
  'Leaving',
]);

/** Ringing once connect is sent; on the line once any post-answer step is entered. */
const legAfterEntering = (status: StepStatus, leg: CalleeLeg): CalleeLeg => {
  if (status === 'Connecting') return 'ringing';
  return CALLEE_ON_THE_LINE.has(status) ? 'connected' : leg;
};

const enterStep = (
  state: EscalationState,
  event: EscalationEvent,
  entered: EscalationStepEntered,
) => {
  const status = statusOf(entered.step);
  if (status === undefined) {
    throw new EscalationEventError(event.eventId, `unknown step ${entered.step}`);
  }
  const { effectId } = entered;
  return {
    ...state,
    phase:
      status === 'Finished'
        ? { status, outcome: EscalationOutcome.ESCALATION_OUTCOME_UNSPECIFIED, detail: '' }
        : { status, effectId },
    // Entering a step disarms the guard of the step it leaves (effectsOf cancels those timers).
    timers: [],
    calleeLeg: legAfterEntering(status, state.calleeLeg),
    issuedEffectIds: effectId === '' ? state.issuedEffectIds : [...state.issuedEffectIds, effectId],
  };
};

const apply = (state: EscalationState, event: EscalationEvent): EscalationState => {
  const { payload } = event;
  if (payload === undefined) throw new EscalationEventError(event.eventId, 'missing payload');
  switch (payload.$case) {
    case 'started': {
      const { reason, detail, summary, callerNumber, callerName, capabilities } = payload.value;
      // Recorded before capabilities were: every mode assumed, as the saga did then.
      const whisperSupported =
        capabilities === undefined ||
        capabilities.agentModes.includes(AgentMode.AGENT_MODE_WHISPER);
      const escalation = { reason, detail, summary, callerNumber, callerName, whisperSupported };
      return { ...state, escalation };
    }
    case 'stepEntered':
      return enterStep(state, event, payload.value);
    case 'timerScheduled': {
      const { timerId, dueAtMs, purpose } = payload.value;
      return {
        ...state,
        timers: [...state.timers, { timerId, dueAtMs, purpose }],
        issuedEffectIds: [...state.issuedEffectIds, timerId],
      };
    }
    case 'timerFired': {
      const { timerId } = payload.value;
      return {
        ...state,
        timers: state.timers.filter((timer) => timer.timerId !== timerId),
        processedInputIds: [...state.processedInputIds, timerId],
      };
    }
    case 'inputAccepted':
      return applyInputRecord(state, payload.value);
    case 'finished': {
      const { outcome, detail } = payload.value;
      return { ...state, phase: { status: 'Finished', outcome, detail } };
    }
    default: {
      const unreachable: never = payload;
      throw new EscalationEventError(
        event.eventId,
        `unknown payload ${JSON.stringify(unreachable)}`,
      );
    }
  }
};

/** Folds one event of the saga's stream into its state. Pure; throws only on a corrupt event. */
export const evolve = (state: EscalationState, event: EscalationEvent): EscalationState => ({
  ...apply(state, event),
  version: state.version + 1,
});
