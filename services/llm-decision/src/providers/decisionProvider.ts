import type { ConversationState } from '../domain/engine/conversationState';
import type { CallerTurn, Decision } from '../domain/engine/decision';
import type { AgentProfile } from '../domain/profile/agentProfile';
import type { HistoryTurn } from '../domain/prompt/chatTurns';

/** Everything a provider may use to decide one caller turn. */
export interface DecisionContext {
  readonly profile: AgentProfile;
  /** Earlier answered turns of the call, oldest first (the latest turn is not included). */
  readonly history: readonly HistoryTurn[];
  /** The local policy engine's state before this turn. */
  readonly state: ConversationState;
  /** The caller turn to decide. */
  readonly turn: CallerTurn;
}

/**
 * Decides the agent's response to one caller turn. Implementations honour `signal` (abort the
 * request when it fires) and reject with a `ProviderError` when they cannot decide; the
 * decision runner bounds the time and falls back either way.
 */
export interface DecisionProvider {
  /** Written as `AgentReplied.provider` (`local-policy`, `openai`, `gemini`). */
  readonly name: string;
  decide(context: DecisionContext, signal: AbortSignal): Promise<Decision>;
}

/** The local policy engine's provider name. */
export const LOCAL_POLICY_PROVIDER = 'local-policy';
/** The provider name written when the configured safe reply was used. */
export const SAFE_REPLY_PROVIDER = 'safe-reply';
