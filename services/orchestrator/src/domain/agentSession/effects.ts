import type {
  AgentFinishedInput,
  CancelTimerEffect,
  ScheduleTimerEffect,
  SendCallCommandEffect,
  SpeakEffect,
} from '../escalation';

/** Answer the caller's leg (call.proto `AnswerCall`, idempotent by command id). */
export interface AnswerCallEffect {
  readonly kind: 'AnswerCall';
  readonly commandId: string;
  readonly callId: string;
}

/**
 * Hand the end of the call to the escalation saga: it keeps the context and disconnects, so a call
 * the AI ends is disconnected in one place only. The input's id is the same on every path (goodbye
 * played, goodbye guard), so the saga acts on the first and drops the rest.
 */
export interface HandToSagaEffect {
  readonly kind: 'HandToSaga';
  readonly input: AgentFinishedInput;
}

/** A side effect of the agent session, performed by the runner in list order. */
export type AgentSessionEffect =
  | AnswerCallEffect
  | SpeakEffect
  | ScheduleTimerEffect
  | CancelTimerEffect
  | SendCallCommandEffect
  | HandToSagaEffect;

/** The timer purpose of the goodbye's guard (the escalation saga never uses it). */
export const GOODBYE_TIMER_PURPOSE = 'goodbye';

/** Deterministic ids: one answer, one greeting, one goodbye per call. */
export const sessionIds = {
  answer: (callId: string) => `${callId}:command:answer`,
  greeting: (callId: string) => `${callId}:utterance:greeting`,
  goodbye: (callId: string) => `${callId}:utterance:goodbye`,
  goodbyeTimer: (callId: string) => `${callId}:timer:${GOODBYE_TIMER_PURPOSE}`,
  agentFinished: (callId: string) => `${callId}:agent-finished`,
} as const;
