import type { EscalationReason } from '@warmline/contracts';

/** One final caller turn: the recogniser's transcript and its confidence (0..1). */
export interface CallerTurn {
  readonly text: string;
  readonly confidence: number;
  /**
   * stt's keyword pass (the engine's keyword grammar or its text rule) flagged a request for a
   * person in this turn (`CallerTranscribed.keyword_hit`).
   */
  readonly humanKeyword?: boolean;
}

/** Answer the caller and keep the conversation going. */
export interface ReplyDecision {
  readonly kind: 'reply';
  /** What the agent says; always text from the profile. */
  readonly text: string;
  /** The intent answered, when the reply is an intent's answer. */
  readonly intentId?: string;
}

/** Hand the caller to a person. */
export interface EscalateDecision {
  readonly kind: 'escalate';
  readonly reason: EscalationReason;
  /** Why, for the person taking the call (rule and lexicon/profile terms, never caller text). */
  readonly detail: string;
  /** The profile's transition line. */
  readonly replyText: string;
  /** The profile's configured destination id (a configuration key, never from the caller). */
  readonly destinationId: string;
  /**
   * A short note for the person from a model provider (untrusted model text, length-capped);
   * never set by the local policy engine.
   */
  readonly note?: string;
}

/** Say goodbye and end the call. */
export interface EndDecision {
  readonly kind: 'end';
  /** The profile's goodbye line. */
  readonly replyText: string;
}

/** What the agent does after a caller turn. */
export type Decision = ReplyDecision | EscalateDecision | EndDecision;

/** The result of {@link decideTurn}: the decision and the conversation state after it. */
export interface TurnOutcome<State> {
  readonly decision: Decision;
  readonly nextState: State;
}
