import type { AgentMode, TerminationReason } from '../domain/callState';
import type { CallEventName } from './eventNames';

/** What every call event carries. */
export interface CallEventBase {
  /** The platform's event id; empty when the SDK learnt the change from a command result. */
  readonly eventId: string;
  /** When the platform recorded it, when known. */
  readonly occurredAt: Date | undefined;
}

/** Detail of {@link CallEventName.CALL_ANSWER_FAILED} and {@link CallEventName.CALL_CONNECT_FAILED}. */
export interface CallFailureDetail extends CallEventBase {
  /** e.g. `CALL_UNANSWERED`, `CALLEE_BUSY`, `ANSWER_FAILED`. */
  readonly errorCode: string;
  readonly errorMessage: string;
  /** The SIP status or carrier code behind a connect failure, 0 when none. */
  readonly carrierStatus: number;
}

/** Detail of {@link CallEventName.CALL_MODE_CHANGED}. */
export interface CallModeDetail extends CallEventBase {
  readonly mode: AgentMode;
}

/** Detail of {@link CallEventName.CALL_DTMF}. */
export interface CallDtmfDetail extends CallEventBase {
  /** `0`-`9`, `*`, `#` or `A`-`D`. */
  readonly digit: string;
  readonly durationMs: number;
}

/** Detail of {@link CallEventName.CALL_TERMINATED}. */
export interface CallTerminatedDetail extends CallEventBase {
  readonly reason: TerminationReason;
  /** Free text from the platform, possibly empty. */
  readonly detail: string;
}

/** The detail each call event's handler receives after the call. */
export interface CallEventDetails {
  [CallEventName.CALL_ANSWERED]: CallEventBase;
  [CallEventName.CALL_ANSWER_FAILED]: CallFailureDetail;
  [CallEventName.CALL_RINGING]: CallEventBase;
  [CallEventName.CALL_CONNECTED]: CallEventBase;
  [CallEventName.CALL_CONNECT_FAILED]: CallFailureDetail;
  [CallEventName.CALL_MODE_CHANGED]: CallModeDetail;
  [CallEventName.CALL_DTMF]: CallDtmfDetail;
  [CallEventName.CALL_TERMINATED]: CallTerminatedDetail;
}

/** One call event with its detail, as the state tracker reports it. */
export type CallNotice = {
  [K in CallEventName]: { readonly name: K; readonly detail: CallEventDetails[K] };
}[CallEventName];
