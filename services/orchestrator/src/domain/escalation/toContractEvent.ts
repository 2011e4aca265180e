import { EscalationStep, type EscalationEvent } from '@warmline/contracts';
import {
  ProposedEscalationStep,
  type SagaEvent,
  type SagaPayload,
  type SagaStep,
} from './sagaEvent';

const TODAYS_STEP: Readonly<Record<ProposedEscalationStep, EscalationStep>> = {
  [ProposedEscalationStep.ESCALATION_STEP_SWITCHING_TO_WHISPER]:
    EscalationStep.ESCALATION_STEP_BRIEFING,
  [ProposedEscalationStep.ESCALATION_STEP_OFFERING]: EscalationStep.ESCALATION_STEP_FALLBACK,
  [ProposedEscalationStep.ESCALATION_STEP_RECORDING_VOICEMAIL]:
    EscalationStep.ESCALATION_STEP_FALLBACK,
  [ProposedEscalationStep.ESCALATION_STEP_CLOSING]: EscalationStep.ESCALATION_STEP_FALLBACK,
};

const isProposed = (step: SagaStep): step is ProposedEscalationStep => step in TODAYS_STEP;

const toContractPayload = (payload: SagaPayload): NonNullable<EscalationEvent['payload']> => {
  switch (payload.$case) {
    case 'started':
      return payload;
    case 'stepEntered': {
      const { step, effectId } = payload.value;
      return {
        $case: 'stepEntered',
        value: { step: isProposed(step) ? TODAYS_STEP[step] : step, effectId },
      };
    }
    case 'timerScheduled':
    case 'timerFired':
    case 'inputAccepted':
    case 'finished':
      return payload;
    default: {
      const unreachable: never = payload;
      return unreachable;
    }
  }
};

/**
 * The event as today's escalation.proto can carry it, for publishing before the proposed fields
 * land: proposed steps become their nearest generated step (BRIEFING, FALLBACK) and the caller's
 * name is dropped. Once the proto has them this is the identity and can go.
 */
export const toContractEvent = (event: SagaEvent): EscalationEvent => ({
  ...event,
  payload: toContractPayload(event.payload),
});
