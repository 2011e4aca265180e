import type { AgentProfile } from '../domain/profile/agentProfile';
import { type ReasonName, reasonName } from '../domain/profile/reasonNames';
import { initialConversationState } from '../domain/engine/conversationState';
import type { Decision } from '../domain/engine/decision';
import { decideTurn } from '../domain/engine/decideTurn';
import type { CorpusConversation } from './corpus';

/** What the engine did with one conversation. */
export interface ConversationRun {
  readonly conversation: CorpusConversation;
  /** The decisions, one per fed turn (feeding stops at the first escalate or end). */
  readonly decisions: readonly Decision[];
  /** 1-based turn of the escalation, if any. */
  readonly escalatedAt?: number;
  readonly escalationReason?: ReasonName | 'unspecified';
}

/** Feeds a conversation's turns to `decideTurn` until it escalates, ends, or the turns run out. */
export function runConversation(
  profile: AgentProfile,
  conversation: CorpusConversation,
): ConversationRun {
  let state = initialConversationState();
  const decisions: Decision[] = [];
  for (const turn of conversation.turns) {
    const { decision, nextState } = decideTurn(profile, state, {
      text: turn.say,
      confidence: turn.confidence,
    });
    decisions.push(decision);
    state = nextState;
    if (decision.kind === 'escalate') {
      return {
        conversation,
        decisions,
        escalatedAt: decisions.length,
        escalationReason: reasonName(decision.reason),
      };
    }
    if (decision.kind === 'end') break;
  }
  return { conversation, decisions };
}
