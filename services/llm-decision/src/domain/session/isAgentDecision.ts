import type { ConversationEvent } from '@warmline/contracts';

/**
 * True for the events the decision service itself appends (`AgentReplied`,
 * `EscalationRequested`, `HangupRequested`): the only events that change a decision already
 * taken. Other producers' events (transcripts, speech progress) do not.
 */
export const isAgentDecision = (event: ConversationEvent): boolean => {
  const kind = event.payload?.$case;
  return kind === 'replied' || kind === 'escalationRequested' || kind === 'hangupRequested';
};
