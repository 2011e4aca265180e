import type {
  CallCommand,
  CallHandler,
  GatewaySignal,
  StartCallRequest,
  TerminationReason,
} from '@warmline/contracts';

/**
 * The gateway announced a new caller. Routing rules (configuration) already chose the
 * handler. Idempotent by `request.callId`: a retried request changes nothing.
 */
export interface StartCallInput {
  readonly kind: 'startCall';
  readonly request: StartCallRequest;
  readonly handler: CallHandler;
}

/** An application (SDK) or saga command, idempotent by `command.commandId`. */
export interface CommandInput {
  readonly kind: 'command';
  readonly command: CallCommand;
}

/** A fact the gateway observed on the call's legs, deduplicated by `signal.signalId`. */
export interface GatewaySignalInput {
  readonly kind: 'gatewaySignal';
  readonly signal: GatewaySignal;
}

/** What the gateway replied to an AnswerLeg instruction. */
export type AnswerResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly errorCode: string; readonly errorMessage: string };

/**
 * The outcome of the AnswerLeg instruction that an answer command produced. Its events
 * are caused by that command, so a repeat of the command sees the same outcome.
 */
export interface AnswerOutcomeInput {
  readonly kind: 'answerOutcome';
  readonly answerCommandId: string;
  readonly result: AnswerResult;
}

/**
 * A timer scheduled by a connect fired. The decider compares the context's `nowMs` with
 * the ring deadline; a tick for a leg that is no longer ringing does nothing.
 */
export interface RingTimeoutInput {
  readonly kind: 'ringTimeout';
  readonly calleeLegId: string;
}

/** The reasons the platform itself may end a call for. */
export type ServerTerminationReason =
  | TerminationReason.TERMINATION_REASON_SERVER_TERMINATED
  | TerminationReason.TERMINATION_REASON_PROTOCOL_ERROR;

/** The platform ends the call (shutdown, policy, unrecoverable error, protocol violation). */
export interface ServerTerminationInput {
  readonly kind: 'serverTermination';
  /** Idempotency key of this termination. */
  readonly terminationId: string;
  readonly reason: ServerTerminationReason;
  readonly detail: string;
}

/** Everything the call aggregate can be asked to decide on. */
export type CallInput =
  | StartCallInput
  | CommandInput
  | GatewaySignalInput
  | AnswerOutcomeInput
  | RingTimeoutInput
  | ServerTerminationInput;
