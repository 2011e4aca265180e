import {
  type AgentProfile,
  type CallerTurn,
  type ConversationState,
  type TurnOutcome,
  decideTurn,
  loadProfileFileSync,
} from '@warmline/llm-decision';

/** Decides the agent's next move after one caller turn. */
export type TurnDecider = (
  state: ConversationState,
  turn: CallerTurn,
) => TurnOutcome<ConversationState>;

/**
 * The local policy engine (`decideTurn`) with an agent profile; by default the acme-internet
 * profile shipped with `@warmline/llm-decision`.
 */
export function profileDecider(profile: AgentProfile = loadProfileFileSync()): TurnDecider {
  return (state, turn) => decideTurn(profile, state, turn);
}
