import { AgentMode, CallState } from '@warmline/contracts';
import { supportedAgentModes } from './agentModeSupport';
import {
  type CallCommandName,
  commandLabel,
  describeAllowedCommands,
  stateLabel,
} from './allowedCommands';
import type { CallAggregate, StartedCall } from './callAggregate';
import { type CallRejected, reject } from './callDecision';

function stateOf(call: CallAggregate): CallState {
  return call.exists ? call.state : CallState.CALL_STATE_UNSPECIFIED;
}

/** No call has started under this id. */
export function rejectNotFound(call: CallAggregate, inputDescription: string): CallRejected {
  return reject({
    code: 'CALL_NOT_FOUND',
    message: `${inputDescription}: ${describeAllowedCommands(call)}`,
    state: stateOf(call),
  });
}

/** The command is not one the call's state allows. */
export function rejectWrongState(call: StartedCall, command: CallCommandName): CallRejected {
  return reject({
    code: 'WRONG_STATE',
    message: `${commandLabel(command)} is not allowed: ${describeAllowedCommands(call)}`,
    state: call.state,
  });
}

/** The call is DISCONNECTED. */
export function rejectClosed(call: StartedCall, inputDescription: string): CallRejected {
  return reject({
    code: 'CALL_CLOSED',
    message: `${inputDescription}: the call is ${stateLabel(call.state)}`,
    state: call.state,
  });
}

/** The input itself is malformed. */
export function rejectInvalid(call: CallAggregate, message: string): CallRejected {
  return reject({ code: 'INVALID_ARGUMENT', message, state: stateOf(call) });
}

/** A callee leg is already ringing for this call. */
export function rejectConnectInProgress(call: StartedCall, calleeLegId: string): CallRejected {
  return reject({
    code: 'CONNECT_IN_PROGRESS',
    message: `connect is already ringing callee leg ${calleeLegId}`,
    state: call.state,
  });
}

/** The connector has no callee to connect to. */
export function rejectConnectNotSupported(call: StartedCall): CallRejected {
  return reject({
    code: 'CONNECT_NOT_SUPPORTED',
    message: `connector ${call.origin.connectorId} has no callee destination configured`,
    state: call.state,
  });
}

const modeNames: Readonly<Partial<Record<AgentMode, string>>> = {
  [AgentMode.AGENT_MODE_BARGE]: 'BARGE',
  [AgentMode.AGENT_MODE_WHISPER]: 'WHISPER',
  [AgentMode.AGENT_MODE_SPY]: 'SPY',
};
const modeName = (mode: AgentMode): string => modeNames[mode] ?? String(mode);

/** The call's transport cannot mix the asked agent mode (the gateway said so at start). */
export function rejectAgentModeNotSupported(call: StartedCall, mode: AgentMode): CallRejected {
  const supported = supportedAgentModes(call.origin).map(modeName);
  return reject({
    code: 'AGENT_MODE_NOT_SUPPORTED',
    message: `${modeName(mode)} is not supported on this call's transport (supported: ${
      supported.length > 0 ? supported.join(', ') : 'none'
    })`,
    state: call.state,
  });
}

/** A repeat of an answer command whose first delivery failed at the gateway. */
export function rejectAnswerFailed(
  call: StartedCall,
  gatewayErrorCode: string,
  message: string,
): CallRejected {
  return reject({ code: 'ANSWER_FAILED', message, state: call.state, gatewayErrorCode });
}
