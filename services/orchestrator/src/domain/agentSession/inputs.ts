import type { CallHandler } from '@warmline/contracts';

/** What every input carries: its id and the time it is decided at (ms since epoch). */
interface InputBase {
  readonly inputId: string;
  readonly nowMs: number;
}

/** A call arrived (call.proto `CallStarted`); routing chose `handler`. */
export interface CallStartedInput extends InputBase {
  readonly kind: 'CallStarted';
  readonly handler: CallHandler;
}

/** The caller's leg is answered (call.proto `CallAnswered`). */
export interface CallAnsweredInput extends InputBase {
  readonly kind: 'CallAnswered';
}

/** The conversation is over and the AI wants to end the call (conversation.proto `HangupRequested`). */
export interface HangupRequestedInput extends InputBase {
  readonly kind: 'HangupRequested';
}

/** An utterance finished playing (conversation.proto `AgentSpeechPlayed`). */
export interface SpeechPlayedInput extends InputBase {
  readonly kind: 'SpeechPlayed';
  readonly utteranceId: string;
}

/** A timer the session armed is due. */
export interface TimerFiredInput extends InputBase {
  readonly kind: 'TimerFired';
  readonly timerId: string;
}

/** Everything the built-in agent's lifecycle reacts to. */
export type AgentSessionInput =
  CallStartedInput | CallAnsweredInput | HangupRequestedInput | SpeechPlayedInput | TimerFiredInput;
