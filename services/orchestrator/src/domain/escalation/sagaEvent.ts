import type {
  EscalationEvent,
  EscalationFinished,
  EscalationInputAccepted,
  EscalationStarted,
  EscalationStep,
  EscalationStepEntered,
  EscalationTimerFired,
  EscalationTimerScheduled,
} from '@warmline/contracts';

/**
 * Steps proposed for escalation.proto's `EscalationStep`, numbered after FINISHED = 7. Until the
 * proto has them, {@link toContractEvent} publishes them as BRIEFING or FALLBACK.
 */
export const ProposedEscalationStep = {
  ESCALATION_STEP_SWITCHING_TO_WHISPER: 8,
  ESCALATION_STEP_OFFERING: 9,
  ESCALATION_STEP_RECORDING_VOICEMAIL: 10,
  ESCALATION_STEP_CLOSING: 11,
} as const;

/** A value of {@link ProposedEscalationStep}. */
export type ProposedEscalationStep =
  (typeof ProposedEscalationStep)[keyof typeof ProposedEscalationStep];

/** A generated step or a proposed one. */
export type SagaStep = EscalationStep | ProposedEscalationStep;

/** `EscalationStarted` with the proposed `caller_name = 5` (empty when unknown). */
export interface SagaStarted extends EscalationStarted {
  callerName: string;
}

/** `EscalationStepEntered` whose step may be a proposed one. */
export interface SagaStepEntered extends Omit<EscalationStepEntered, 'step'> {
  step: SagaStep;
}

/** The payloads of the saga's stream: escalation.proto's oneof, with the proposals above. */
export type SagaPayload =
  | { $case: 'started'; value: SagaStarted }
  | { $case: 'stepEntered'; value: SagaStepEntered }
  | { $case: 'timerScheduled'; value: EscalationTimerScheduled }
  | { $case: 'timerFired'; value: EscalationTimerFired }
  | { $case: 'inputAccepted'; value: EscalationInputAccepted }
  | { $case: 'finished'; value: EscalationFinished };

/**
 * One event of the saga's own stream (`evt.escalation.<callId>`): the generated `EscalationEvent`
 * envelope, with a payload that is always set and an occurrence time taken from the input.
 * `causationId` is the input's id; `correlationId` the call id.
 */
export interface SagaEvent extends Omit<EscalationEvent, 'occurredAt' | 'payload'> {
  occurredAt: Date;
  payload: SagaPayload;
}
