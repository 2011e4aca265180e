/**
 * @warmline/example-human-escalation: the seed's "AI agent with human escalation" use case on
 * @warmline/sdk: converse turn by turn, save the context for the human, connect, brief, leave.
 */
export { handleCall, runHumanEscalation, type HumanEscalationDeps } from './app';
export { converse, storedReason, type ConversationEnd } from './converse';
export { escalationBriefing } from './domain/escalationBriefing';
export type { ContextStore, ConversationTurn, EscalationContext } from './escalationContext';
export { CONTEXTS_COLLECTION, MongoContextStore, type ContextDocument } from './mongoContextStore';
export { profileDecider, type TurnDecider } from './turnDecider';
