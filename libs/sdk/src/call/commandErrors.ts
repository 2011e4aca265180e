import type { CallCommandResult } from '@warmline/contracts';
import { callStateFromProto } from '../domain/protoNames';
import {
  AgentModeNotSupportedError,
  type CallCommandName,
  CallClosedError,
  CallCommandError,
  CallCommandTimeoutError,
  type CallError,
  CallNotFoundError,
  WrongStateError,
} from '../errors/callErrors';

/** The code call-control reports when a command's outcome did not arrive in its own time. */
export const SERVER_COMMAND_TIMEOUT = 'COMMAND_TIMEOUT';

/**
 * The error for a refused or failed command result (`ok: false`): WRONG_STATE →
 * {@link WrongStateError}, CALL_CLOSED → {@link CallClosedError}, CALL_NOT_FOUND →
 * {@link CallNotFoundError}, COMMAND_TIMEOUT → {@link CallCommandTimeoutError},
 * AGENT_MODE_NOT_SUPPORTED → {@link AgentModeNotSupportedError}, anything else
 * (CALL_UNANSWERED, ANSWER_FAILED, CONNECT_IN_PROGRESS, ...) → {@link CallCommandError}.
 */
export function errorFromResult(
  result: CallCommandResult,
  callId: string,
  command: CallCommandName,
  timeoutMs: number,
): CallError {
  const { errorCode, errorMessage } = result;
  switch (errorCode) {
    case 'WRONG_STATE':
      return new WrongStateError(
        callId,
        command,
        callStateFromProto(result.state),
        errorMessage || undefined,
      );
    case 'CALL_CLOSED':
      return new CallClosedError(errorMessage || `${command}: the call has ended`, callId);
    case 'CALL_NOT_FOUND':
      return new CallNotFoundError(
        errorMessage || `${command}: the platform does not know the call`,
        callId,
      );
    case 'AGENT_MODE_NOT_SUPPORTED':
      return new AgentModeNotSupportedError(callId, command, errorMessage);
    case SERVER_COMMAND_TIMEOUT:
      return new CallCommandTimeoutError(callId, command, timeoutMs);
    default:
      return new CallCommandError(callId, command, errorCode || 'UNKNOWN', errorMessage);
  }
}
