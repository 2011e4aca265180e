import { EscalationStep } from '@warmline/contracts';
import { ProposedEscalationStep, type SagaStep } from './sagaEvent';
import type { ActiveStatus } from './state';

/** A status a `stepEntered` event can name. */
export type StepStatus = ActiveStatus | 'Finished';

const STEP_OF: Readonly<Record<StepStatus, SagaStep>> = {
  SavingContext: EscalationStep.ESCALATION_STEP_SAVING_CONTEXT,
  Announcing: EscalationStep.ESCALATION_STEP_ANNOUNCING,
  Connecting: EscalationStep.ESCALATION_STEP_CONNECTING,
  SwitchingToWhisper: ProposedEscalationStep.ESCALATION_STEP_SWITCHING_TO_WHISPER,
  Briefing: EscalationStep.ESCALATION_STEP_BRIEFING,
  Leaving: EscalationStep.ESCALATION_STEP_LEAVING,
  Apologizing: EscalationStep.ESCALATION_STEP_FALLBACK,
  Offering: ProposedEscalationStep.ESCALATION_STEP_OFFERING,
  RecordingVoicemail: ProposedEscalationStep.ESCALATION_STEP_RECORDING_VOICEMAIL,
  Closing: ProposedEscalationStep.ESCALATION_STEP_CLOSING,
  Finished: EscalationStep.ESCALATION_STEP_FINISHED,
};

const STATUS_OF = new Map<SagaStep, StepStatus>(
  Object.entries(STEP_OF).map(([status, step]) => [step, status as StepStatus]),
);

/** The stream's step number for a status. */
export const stepOf = (status: StepStatus): SagaStep => STEP_OF[status];

/** The status a step number stands for; undefined for UNSPECIFIED or an unknown number. */
export const statusOf = (step: SagaStep): StepStatus | undefined => STATUS_OF.get(step);
