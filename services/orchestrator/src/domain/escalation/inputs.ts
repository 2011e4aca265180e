import type { AgentMode, EscalationReason, TerminationReason } from '@warmline/contracts';

/** What every input carries: an id to drop redeliveries by, and the time it is decided at. */
interface InputBase {
  /** Unique per input (the source event's id, a command result's id, a timer's id). */
  readonly inputId: string;
  /** Wall-clock time of the decision, ms since epoch: decide never reads a clock. */
  readonly nowMs: number;
}

/** llm-decision asks for a human (conversation.proto `EscalationRequested`). */
export interface EscalationRequestedInput extends InputBase {
  readonly kind: 'EscalationRequested';
  readonly reason: EscalationReason;
  readonly detail: string;
  /** What the caller wanted and what was tried, for the human. */
  readonly summary: string;
  readonly callerNumber: string;
  /** When the conversation revealed it (`EscalationRequested.caller_name`). */
  readonly callerName?: string;
  /**
   * The agent modes the call's gateway can mix (`supportedAgentModes` of the call's CallStarted):
   * without WHISPER the callee is not briefed. Absent when the call's start is unknown: all modes.
   */
  readonly agentModes?: readonly AgentMode[];
}

/** The AI ended the call itself, without escalating (`HangupRequested`). */
export interface AgentFinishedInput extends InputBase {
  readonly kind: 'AgentFinished';
}

/** context-store stored the context (context.proto `ContextSaved` / `SaveContextResponse`). */
export interface ContextSavedInput extends InputBase {
  readonly kind: 'ContextSaved';
  readonly requestId: string;
  readonly contextId: string;
}

/** context-store could not store the context. */
export interface ContextSaveFailedInput extends InputBase {
  readonly kind: 'ContextSaveFailed';
  readonly requestId: string;
  readonly errorCode: string;
}

/** An utterance finished playing, completely or cut short (`AgentSpeechPlayed`). */
export interface SpeechPlayedInput extends InputBase {
  readonly kind: 'SpeechPlayed';
  readonly utteranceId: string;
  readonly interrupted: boolean;
}

/** The callee answered (call.proto `CallConnected`). */
export interface CallConnectedInput extends InputBase {
  readonly kind: 'CallConnected';
  readonly calleeLegId: string;
}

/** connect() failed: CALL_UNANSWERED, CALLEE_BUSY, CALLEE_DECLINED, CALLEE_UNREACHABLE, ... */
export interface CallConnectFailedInput extends InputBase {
  readonly kind: 'CallConnectFailed';
  readonly errorCode: string;
}

/** A command the saga sent failed (`CallCommandResult` with ok false, e.g. WRONG_STATE). */
export interface CommandRejectedInput extends InputBase {
  readonly kind: 'CommandRejected';
  readonly commandId: string;
  readonly errorCode: string;
}

/** The agent's audio mode changed (`AgentModeChanged`). */
export interface AgentModeChangedInput extends InputBase {
  readonly kind: 'AgentModeChanged';
  readonly mode: AgentMode;
}

/** The caller answered the fallback offer (DTMF or a transcript, mapped by the runner). */
export interface CallerChoseInput extends InputBase {
  readonly kind: 'CallerChose';
  readonly choice: 'callback' | 'voicemail';
}

/** The caller's message was recorded (conversation.proto `VoicemailRecorded`). */
export interface VoicemailRecordedInput extends InputBase {
  readonly kind: 'VoicemailRecorded';
  readonly recordingId: string;
  readonly durationMs: number;
}

/** The call is DISCONNECTED from the agent's side: hang-up, close, media loss (`CallTerminated`). */
export interface CallTerminatedInput extends InputBase {
  readonly kind: 'CallTerminated';
  readonly reason: TerminationReason;
}

/** A durable timer the saga scheduled is due. Build it with {@link timerFired}. */
export interface TimerFiredInput extends InputBase {
  readonly kind: 'TimerFired';
  readonly timerId: string;
}

/** Everything the escalation saga reacts to, one instance per call. */
export type EscalationInput =
  | EscalationRequestedInput
  | AgentFinishedInput
  | ContextSavedInput
  | ContextSaveFailedInput
  | SpeechPlayedInput
  | CallConnectedInput
  | CallConnectFailedInput
  | CommandRejectedInput
  | AgentModeChangedInput
  | CallerChoseInput
  | VoicemailRecordedInput
  | CallTerminatedInput
  | TimerFiredInput;

/** The discriminant of {@link EscalationInput}. */
export type EscalationInputKind = EscalationInput['kind'];

/**
 * A timer's firing as an input. Its input id is the timer id: a timer fires once, so a redelivered
 * firing is recognised as a duplicate whichever copy the timer store sends.
 */
export const timerFired = (timerId: string, nowMs: number): TimerFiredInput => ({
  kind: 'TimerFired',
  inputId: timerId,
  timerId,
  nowMs,
});
