import { AgentMode, EscalationReason, escalationReasonToJSON } from '@warmline/contracts';
import type { EscalationConfig } from './config';
import { briefingText } from './briefingText';
import type { CallCommandPayload, Effect, SaveContextEffect } from './effects';
import type { StepStatus } from './steps';
import type { EscalationState } from './state';

const command = (state: EscalationState, commandId: string, payload: CallCommandPayload) =>
  ({ kind: 'SendCallCommand', commandId, callId: state.callId, command: payload }) as const;

/** Configured lines go to the caller and are cacheable; the briefing goes to the callee only. */
const speak = (state: EscalationState, utteranceId: string, text: string, toCallee = false) =>
  ({
    kind: 'Speak',
    utteranceId,
    callId: state.callId,
    text,
    audience: toCallee ? 'callee' : 'caller',
    cacheable: !toCallee,
  }) as const;

const saveContext = (state: EscalationState, requestId: string): SaveContextEffect => {
  const { escalation, voicemailRecordingId } = state;
  return {
    kind: 'SaveContext',
    requestId,
    callId: state.callId,
    reason: escalation?.reason ?? EscalationReason.ESCALATION_REASON_UNSPECIFIED,
    summary: escalation?.summary ?? '',
    callerNumber: escalation?.callerNumber ?? '',
    ...(voicemailRecordingId === undefined ? {} : { voicemailRecordingId }),
  };
};

/** What the callee's leg carries: where the human finds the context. */
const handoffDataOf = (state: EscalationState): Record<string, string> => ({
  callId: state.callId,
  reason: escalationReasonToJSON(
    state.escalation?.reason ?? EscalationReason.ESCALATION_REASON_UNSPECIFIED,
  ),
  ...(state.contextId === undefined ? {} : { contextId: state.contextId }),
});

const apologyText = ({ fallback }: EscalationConfig): string => {
  const next = {
    'return-to-agent': fallback.returnToAgentLine,
    voicemail: fallback.voicemailOfferLine,
    end: fallback.callbackLine,
  }[fallback.mode];
  return `${fallback.apologyLine} ${next}`;
};

/**
 * The side effect issued on entering `status` with `effectId` (non-empty), from the state as it
 * stands just before the step: the same state on a replay, so the same effect.
 */
export const stepEffect = (
  state: EscalationState,
  status: StepStatus,
  effectId: string,
  config: EscalationConfig,
): Effect | undefined => {
  switch (status) {
    case 'SavingContext':
      return saveContext(state, effectId);
    case 'Announcing':
      return speak(state, effectId, config.transitionLine);
    case 'Connecting': {
      const { ringTimeSeconds } = config;
      const handoffData = handoffDataOf(state);
      return command(state, effectId, {
        $case: 'connect',
        value: { ringTimeSeconds, handoffData },
      });
    }
    case 'SwitchingToWhisper':
      return command(state, effectId, {
        $case: 'setAgentMode',
        value: { mode: AgentMode.AGENT_MODE_WHISPER },
      });
    case 'Briefing':
      return speak(state, effectId, briefingText(state.escalation, config.briefing), true);
    case 'Leaving':
      return command(state, effectId, { $case: 'close', value: {} });
    case 'Apologizing':
      return speak(state, effectId, apologyText(config));
    case 'Offering':
      return undefined;
    case 'RecordingVoicemail': {
      const maxDurationSeconds = config.fallback.voicemailMaxDurationSeconds;
      return {
        kind: 'RecordVoicemail',
        recordingId: effectId,
        callId: state.callId,
        maxDurationSeconds,
      };
    }
    case 'Closing':
      return speak(state, effectId, config.fallback.callbackConfirmLine);
    case 'Finished':
      return command(state, effectId, { $case: 'disconnect', value: {} });
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
};
