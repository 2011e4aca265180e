import type { CallState } from '../domain/callState';
import { WarmlineError, type WarmlineErrorOptions } from './warmlineError';

/** The SDK's names for the commands an application sends to a call. */
export type CallCommandName =
  'answer' | 'connect' | 'close' | 'disconnect' | 'barge' | 'whisper' | 'spy';

/** The base of errors about one call. */
export class CallError extends WarmlineError {
  override name = 'CallError';

  constructor(
    message: string,
    /** The call concerned. */
    readonly callId: string,
    options: WarmlineErrorOptions = {},
  ) {
    super(message, options);
  }
}

/** An operation on a call that has ended (DISCONNECTED), or that ended while the operation ran. */
export class CallClosedError extends CallError {
  override name = 'CallClosedError';
  /** The error code the platform uses for it. */
  readonly errorCode = 'CALL_CLOSED';
}

/** The platform does not know the call (never existed, or it is gone). */
export class CallNotFoundError extends CallError {
  override name = 'CallNotFoundError';
  /** The error code the platform uses for it. */
  readonly errorCode = 'CALL_NOT_FOUND';
}

/**
 * The platform refused a command or the command failed: branch on `errorCode`
 * (`CALL_UNANSWERED`, `CALLEE_BUSY`, `ANSWER_FAILED`, `CONNECT_IN_PROGRESS`, ...).
 */
export class CallCommandError extends CallError {
  override name = 'CallCommandError';

  constructor(
    callId: string,
    /** The command that failed. */
    readonly command: CallCommandName,
    /** The platform's code, e.g. `CALL_UNANSWERED`. */
    readonly errorCode: string,
    /** The platform's explanation. */
    readonly errorMessage: string,
    options: WarmlineErrorOptions = {},
  ) {
    super(
      `${command} failed: ${errorCode}${errorMessage ? `: ${errorMessage}` : ''}`,
      callId,
      options,
    );
  }
}

/**
 * `barge()`, `whisper()` or `spy()` asked for a mode the call's transport cannot mix (carrier
 * media streams such as Twilio and Telnyx have no mixer; SIP calls support all three). Nothing
 * changed and no CALL_MODE_CHANGED follows; retrying will not help. A `CallCommandError`, so
 * code that already catches those keeps working.
 */
export class AgentModeNotSupportedError extends CallCommandError {
  override name = 'AgentModeNotSupportedError';

  constructor(
    callId: string,
    command: CallCommandName,
    errorMessage: string,
    options: WarmlineErrorOptions = {},
  ) {
    super(callId, command, 'AGENT_MODE_NOT_SUPPORTED', errorMessage, options);
  }
}

/** No result for a command within the timeout. The command may still take effect: watch the events. */
export class CallCommandTimeoutError extends CallError {
  override name = 'CallCommandTimeoutError';

  constructor(
    callId: string,
    /** The command that timed out. */
    readonly command: CallCommandName,
    /** How long the SDK waited. */
    readonly timeoutMs: number,
    options: WarmlineErrorOptions = {},
  ) {
    super(`${command} had no result within ${timeoutMs} ms`, callId, {
      retryable: true,
      ...options,
    });
  }
}

/** The call's state does not allow the command (e.g. `barge()` before `connect()`). Nothing changed. */
export class WrongStateError extends CallError {
  override name = 'WrongStateError';
  /** The error code the platform uses for it. */
  readonly errorCode = 'WRONG_STATE';

  constructor(
    callId: string,
    /** The command refused. */
    readonly command: CallCommandName,
    /** The call's state when it was refused, when known. */
    readonly state: CallState | undefined,
    message?: string,
    options: WarmlineErrorOptions = {},
  ) {
    super(
      message ?? `${command} is not allowed while the call is ${state ?? 'in this state'}`,
      callId,
      options,
    );
  }
}
