/** One line of the running conversation summary. */
export interface ConversationTurn {
  readonly role: 'caller' | 'ai';
  readonly text: string;
}

/** What the human agent gets: who called, why the AI escalated, and what was said. */
export interface EscalationContext {
  readonly callId: string;
  readonly callerNumber: string;
  readonly calleeNumber: string;
  readonly connectorId: string;
  /** The escalation reason's name, e.g. `CALLER_ASKED`. */
  readonly reason: string;
  /** The decision's explanation (rule and profile terms, never caller text). */
  readonly detail: string;
  readonly turns: readonly ConversationTurn[];
  readonly savedAt: Date;
}

/** Where escalation contexts are kept for the human agent, keyed by call id. */
export interface ContextStore {
  /** Saves (or replaces) the context of `context.callId`. */
  save(context: EscalationContext): Promise<void>;
}
