import type { CallState } from '@warmline/contracts';

/**
 * Why the call aggregate refused an input. The same strings travel in
 * `CallCommandResult.error_code`, so SDK users can branch on them.
 */
export type CallErrorCode =
  /** No call with this id has started (only a StartCallRequest creates one). */
  | 'CALL_NOT_FOUND'
  /** The call's current state does not allow this command (see describeAllowedCommands). */
  | 'WRONG_STATE'
  /** The call is DISCONNECTED: nothing more can be done to it. */
  | 'CALL_CLOSED'
  /** The input is malformed (missing id, bad ring time, unknown mode, wrong call id, ...). */
  | 'INVALID_ARGUMENT'
  /** connect() while a callee leg is already ringing. */
  | 'CONNECT_IN_PROGRESS'
  /** The call's connector has no callee destination configured. */
  | 'CONNECT_NOT_SUPPORTED'
  /** A repeated answer command whose first delivery failed at the gateway. */
  | 'ANSWER_FAILED'
  /** barge/whisper/spy in a mode the call's transport cannot mix (carrier media streams: none). */
  | 'AGENT_MODE_NOT_SUPPORTED';

/**
 * A refused input, returned as a value (never thrown). A rejection changes nothing:
 * no events, no instructions. It is final for that input, so a consumer should not retry it.
 */
export interface CallRejection {
  readonly code: CallErrorCode;
  readonly message: string;
  /** The call's state when it refused (UNSPECIFIED when the call does not exist). */
  readonly state: CallState;
  /** For ANSWER_FAILED: the error code the gateway reported. */
  readonly gatewayErrorCode?: string;
}

/**
 * A broken invariant of the call stream (an event before CallStarted, a second
 * CallStarted, an event without a time). Thrown: this is a bug or a corrupt stream,
 * not a business outcome.
 */
export class CallInvariantError extends Error {
  override readonly name = 'CallInvariantError';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
