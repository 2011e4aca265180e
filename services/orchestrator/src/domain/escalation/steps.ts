import { EscalationStep } from '@warmline/contracts';
import type { ActiveStatus } from './state';

/** A status a `stepEntered` event can name. */
export type StepStatus = ActiveStatus | 'Finished';

const STEP_OF: Readonly<Record<StepStatus, EscalationStep>> = {
  SavingContext: EscalationStep.ESCALATION_STEP_SAVING_CONTEXT,
  Announcing: EscalationStep.ESCALATION_STEP_ANNOUNCING,
  Connecting: EscalationStep.ESCALATION_STEP_CONNECTING,
  SwitchingToWhisper: EscalationStep.ESCALATION_STEP_SWITCHING_TO_WHISPER,
  Briefing: EscalationStep.ESCALATION_STEP_BRIEFING,
  Leaving: EscalationStep.ESCALATION_STEP_LEAVING,
  Apologizing: EscalationStep.ESCALATION_STEP_FALLBACK,
  Offering: EscalationStep.ESCALATION_STEP_OFFERING,
  RecordingVoicemail: EscalationStep.ESCALATION_STEP_RECORDING_VOICEMAIL,
  Closing: EscalationStep.ESCALATION_STEP_CLOSING,
  Finished: EscalationStep.ESCALATION_STEP_FINISHED,
};

const STATUS_OF = new Map<EscalationStep, StepStatus>(
  Object.entries(STEP_OF).map(([status, step]) => [step, status as StepStatus]),
);

/** The stream's step number for a status. */
export const stepOf = (status: StepStatus): EscalationStep => STEP_OF[status];

/** The status a step number stands for; undefined for UNSPECIFIED or an unknown number. */
export const statusOf = (step: EscalationStep): StepStatus | undefined => STATUS_OF.get(step);
