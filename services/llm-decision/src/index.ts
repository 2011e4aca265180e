/**
 * @warmline/llm-decision: the conversation policy. The pure core is the local policy engine
 * (`decideTurn`) driven by an agent profile; NATS wiring and hosted model providers come later.
 */
export { decideTurn } from './domain/engine/decideTurn';
export {
  type ConversationState,
  initialConversationState,
} from './domain/engine/conversationState';
export type {
  CallerTurn,
  Decision,
  EndDecision,
  EscalateDecision,
  ReplyDecision,
  TurnOutcome,
} from './domain/engine/decision';
export { ConversationClosedError } from './domain/engine/conversationClosedError';
export type {
  AgentProfile,
  EscalationRules,
  Intent,
  IntentFollowUp,
  PolicyKeywordRule,
  ProfileLines,
} from './domain/profile/agentProfile';
export { parseProfile } from './domain/profile/parseProfile';
export { ProfileError, type ProfileIssue } from './domain/profile/profileError';
export { DEFAULT_TRANSITION_LINE } from './domain/profile/profileDefaults';
export {
  REASON_BY_NAME,
  type ReasonName,
  reasonFromName,
  reasonName,
} from './domain/profile/reasonNames';
export { parseProfileText } from './adapters/profileText';
export { DEFAULT_PROFILE_PATH, loadProfileFile, loadProfileFileSync } from './adapters/profileFile';
