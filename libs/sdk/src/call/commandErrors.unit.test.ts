import { AgentMode, type CallCommandResult, CallState } from '@warmline/contracts';
import {
  AgentModeNotSupportedError,
  CallClosedError,
  CallCommandError,
  CallCommandTimeoutError,
  CallError,
  CallNotFoundError,
  WrongStateError,
} from '../errors/callErrors';
import { errorFromResult } from './commandErrors';

const result = (errorCode: string, state = CallState.CALL_STATE_ANSWERED): CallCommandResult => ({
  commandId: 'cmd',
  callId: 'c1',
  ok: false,
  errorCode,
  errorMessage: `${errorCode} message`,
  state,
  mode: AgentMode.AGENT_MODE_UNSPECIFIED,
});

describe('errorFromResult: refused commands become typed errors', () => {
  it('WRONG_STATE is a WrongStateError with the state the platform reported', () => {
    const error = errorFromResult(
      result('WRONG_STATE', CallState.CALL_STATE_PENDING),
      'c1',
      'barge',
      1000,
    );
    expect(error).toBeInstanceOf(WrongStateError);
    expect(error).toMatchObject({
      callId: 'c1',
      command: 'barge',
      state: 'PENDING',
      errorCode: 'WRONG_STATE',
    });
  });

  it.each([
    ['CALL_CLOSED', CallClosedError],
    ['CALL_NOT_FOUND', CallNotFoundError],
    ['COMMAND_TIMEOUT', CallCommandTimeoutError],
  ] as const)('%s', (code, type) => {
    const error = errorFromResult(result(code), 'c1', 'connect', 1000);
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(CallError);
  });

  it('AGENT_MODE_NOT_SUPPORTED is an AgentModeNotSupportedError (still a CallCommandError), not retryable', () => {
    const error = errorFromResult(
      result('AGENT_MODE_NOT_SUPPORTED', CallState.CALL_STATE_CONNECTED),
      'c1',
      'whisper',
      1000,
    );
    expect(error).toBeInstanceOf(AgentModeNotSupportedError);
    expect(error).toBeInstanceOf(CallCommandError);
    expect(error).toMatchObject({
      callId: 'c1',
      command: 'whisper',
      errorCode: 'AGENT_MODE_NOT_SUPPORTED',
      errorMessage: 'AGENT_MODE_NOT_SUPPORTED message',
      retryable: false,
      name: 'AgentModeNotSupportedError',
    });
  });

  it('anything else is a CallCommandError carrying the code (CALL_UNANSWERED, ...)', () => {
    const error = errorFromResult(result('CALL_UNANSWERED'), 'c1', 'connect', 1000);
    expect(error).toBeInstanceOf(CallCommandError);
    expect(error).toMatchObject({
      errorCode: 'CALL_UNANSWERED',
      errorMessage: 'CALL_UNANSWERED message',
      command: 'connect',
    });
  });
});
