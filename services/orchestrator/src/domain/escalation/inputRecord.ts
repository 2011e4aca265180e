import {
  agentModeToJSON,
  escalationReasonToJSON,
  terminationReasonToJSON,
  type EscalationInputAccepted,
} from '@warmline/contracts';
import { effectIds } from './effectIds';
import type { EscalationInput } from './inputs';
import type { EscalationPayload } from './escalationPayload';
import type { EscalationState } from './state';

/**
 * The `detail` an input is recorded with. For the kinds {@link applyInputRecord} reads back, the
 * format is part of the stream's contract: ContextSaved → the context id; VoicemailRecorded → the
 * recording id; CommandRejected → `<commandId> <errorCode>`.
 */
const detailOf = (input: EscalationInput): string => {
  switch (input.kind) {
    case 'EscalationRequested':
      return escalationReasonToJSON(input.reason);
    case 'AgentFinished':
      return '';
    case 'ContextSaved':
      return input.contextId;
    case 'ContextSaveFailed':
      return `${input.requestId} ${input.errorCode}`;
    case 'SpeechPlayed':
      return `${input.utteranceId} ${input.interrupted ? 'interrupted' : 'completed'}`;
    case 'CallConnected':
      return input.calleeLegId;
    case 'CallConnectFailed':
      return input.errorCode;
    case 'CommandRejected':
      return `${input.commandId} ${input.errorCode}`;
    case 'AgentModeChanged':
      return agentModeToJSON(input.mode);
    case 'CallerChose':
      return input.choice;
    case 'VoicemailRecorded':
      return input.recordingId;
    case 'CallTerminated':
      return terminationReasonToJSON(input.reason);
    case 'TimerFired':
      return `${input.timerId} (not armed)`;
    default: {
      const unreachable: never = input;
      return unreachable;
    }
  }
};

/** True if `timerId` is armed: scheduled, and neither fired nor cancelled. */
export const isArmed = (state: EscalationState, timerId: string): boolean =>
  state.timers.some((timer) => timer.timerId === timerId);

/**
 * The event that records an input in the stream, first in its decision: `timerFired` for an armed
 * timer, else `inputAccepted` (late and stale inputs too: the log shows everything the saga saw).
 */
export const recordOf = (input: EscalationInput, state: EscalationState): EscalationPayload =>
  input.kind === 'TimerFired' && isArmed(state, input.timerId)
    ? { $case: 'timerFired', value: { timerId: input.timerId } }
    : {
        $case: 'inputAccepted',
        value: { inputId: input.inputId, kind: input.kind, detail: detailOf(input) },
      };

/**
 * Folds a recorded input: marks it processed and keeps the facts it reports about the world (the
 * callee's leg, the call's end, the context and voicemail ids), whatever the saga decided on it.
 */
export const applyInputRecord = (
  state: EscalationState,
  record: EscalationInputAccepted,
): EscalationState => {
  const next = { ...state, processedInputIds: [...state.processedInputIds, record.inputId] };
  switch (record.kind) {
    case 'CallConnected':
      return { ...next, calleeLeg: 'connected' };
    case 'CallConnectFailed':
      return { ...next, calleeLeg: 'none' };
    case 'CallTerminated':
      return { ...next, calleeLeg: 'none', callEnded: true };
    case 'CommandRejected': {
      const [commandId] = record.detail.split(' ', 1);
      return commandId === effectIds.connect(state.callId) ? { ...next, calleeLeg: 'none' } : next;
    }
    case 'ContextSaved':
      return { ...next, contextId: record.detail };
    case 'VoicemailRecorded':
      return { ...next, voicemailRecordingId: record.detail };
    default:
      return next;
  }
};
