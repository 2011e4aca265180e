import {
  AgentMode as ProtoAgentMode,
  CallState as ProtoCallState,
  TerminationReason as ProtoTerminationReason,
} from '@warmline/contracts';
import { type AgentMode, type CallState, type TerminationReason } from './callState';

/** The SDK's name for a wire call state; undefined for UNSPECIFIED or an unknown value. */
export function callStateFromProto(state: ProtoCallState): CallState | undefined {
  switch (state) {
    case ProtoCallState.CALL_STATE_PENDING:
      return 'PENDING';
    case ProtoCallState.CALL_STATE_ANSWERED:
      return 'ANSWERED';
    case ProtoCallState.CALL_STATE_CONNECTED:
      return 'CONNECTED';
    case ProtoCallState.CALL_STATE_DISCONNECTED:
      return 'DISCONNECTED';
    default:
      return undefined;
  }
}

/** The wire value of a call state. */
export function callStateToProto(state: CallState): ProtoCallState {
  switch (state) {
    case 'PENDING':
      return ProtoCallState.CALL_STATE_PENDING;
    case 'ANSWERED':
      return ProtoCallState.CALL_STATE_ANSWERED;
    case 'CONNECTED':
      return ProtoCallState.CALL_STATE_CONNECTED;
    case 'DISCONNECTED':
      return ProtoCallState.CALL_STATE_DISCONNECTED;
  }
}

/** The SDK's name for a wire agent mode; undefined before the call is connected. */
export function agentModeFromProto(mode: ProtoAgentMode): AgentMode | undefined {
  switch (mode) {
    case ProtoAgentMode.AGENT_MODE_BARGE:
      return 'BARGE';
    case ProtoAgentMode.AGENT_MODE_WHISPER:
      return 'WHISPER';
    case ProtoAgentMode.AGENT_MODE_SPY:
      return 'SPY';
    default:
      return undefined;
  }
}

/** The wire value of an agent mode. */
export function agentModeToProto(mode: AgentMode): ProtoAgentMode {
  switch (mode) {
    case 'BARGE':
      return ProtoAgentMode.AGENT_MODE_BARGE;
    case 'WHISPER':
      return ProtoAgentMode.AGENT_MODE_WHISPER;
    case 'SPY':
      return ProtoAgentMode.AGENT_MODE_SPY;
  }
}

const reasons: ReadonlyMap<ProtoTerminationReason, TerminationReason> = new Map([
  [ProtoTerminationReason.TERMINATION_REASON_CALLER_HUNG_UP, 'CALLER_HUNG_UP'],
  [ProtoTerminationReason.TERMINATION_REASON_CALLEE_HUNG_UP, 'CALLEE_HUNG_UP'],
  [ProtoTerminationReason.TERMINATION_REASON_DISCONNECTED, 'DISCONNECTED'],
  [ProtoTerminationReason.TERMINATION_REASON_CLOSED, 'CLOSED'],
  [ProtoTerminationReason.TERMINATION_REASON_AGENT_LEFT, 'AGENT_LEFT'],
  [ProtoTerminationReason.TERMINATION_REASON_MEDIA_LOST, 'MEDIA_LOST'],
  [ProtoTerminationReason.TERMINATION_REASON_SERVER_TERMINATED, 'SERVER_TERMINATED'],
  [ProtoTerminationReason.TERMINATION_REASON_PROTOCOL_ERROR, 'PROTOCOL_ERROR'],
]);

/** The SDK's name for a wire termination reason (`UNKNOWN` for values it does not know). */
export function terminationReasonFromProto(reason: ProtoTerminationReason): TerminationReason {
  return reasons.get(reason) ?? 'UNKNOWN';
}
