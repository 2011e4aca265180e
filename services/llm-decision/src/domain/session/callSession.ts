import { type ConversationState, initialConversationState } from '../engine/conversationState';
import type { HistoryTurn } from '../prompt/chatTurns';

/** A final caller turn that has not been answered yet. */
export interface PendingTurn {
  readonly turnId: string;
  readonly text: string;
  readonly confidence: number;
}

/** The agent's reply to one caller turn, as stored in `AgentReplied`. */
export interface ReplyRecord {
  readonly utteranceId: string;
  readonly text: string;
  readonly provider: string;
  /** False for the transition line and the goodbye: the orchestrator says those. */
  readonly spoken: boolean;
}

/**
 * What the decision service knows about one call: a fold of the call's conversation stream
 * (`evt.conversation.<callId>`), so it survives restarts and is the same on every replica.
 */
export interface CallSession {
  /** `escalated` or `ended` after a terminal decision; later transcripts are not answered. */
  readonly status: 'active' | 'escalated' | 'ended';
  /** Answered caller turns and the agent's replies, oldest first. */
  readonly history: readonly HistoryTurn[];
  /**
   * The local policy engine's state after every answered turn (whichever provider answered),
   * so its fallback decisions know the conversation; always `active` while the call is.
   */
  readonly policy: ConversationState;
  /** Replies in a row that were fallbacks because the provider failed. */
  readonly consecutiveFailures: number;
  /** Transcribed caller turns not answered yet, by turn id. */
  readonly pending: ReadonlyMap<string, PendingTurn>;
  /** Replies by the caller turn id they answer. */
  readonly replies: ReadonlyMap<string, ReplyRecord>;
  /** The caller turn answered most recently. */
  readonly lastAnsweredTurnId?: string;
  /** Profile intents answered in this call, in order. */
  readonly intentsAnswered: readonly string[];
}

/** A call before any conversation event. */
export function initialCallSession(): CallSession {
  return {
    status: 'active',
    history: [],
    policy: initialConversationState(),
    consecutiveFailures: 0,
    pending: new Map(),
    replies: new Map(),
    intentsAnswered: [],
  };
}
