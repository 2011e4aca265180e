/**
 * @warmline/llm-decision: the conversation policy. The pure core is the local policy engine
 * (`decideTurn`) driven by an agent profile; `createApp` runs it as a service on NATS behind the
 * `DecisionProvider` interface, with OpenAI-compatible and Gemini providers, a deadline, fallbacks
 * and a circuit breaker (see README.md).
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
export { type App, type AppDeps, createApp } from './app';
export { type LlmDecisionConfig, type ProviderConfig, loadLlmDecisionConfig } from './config';
export {
  type DecisionContext,
  type DecisionProvider,
  LOCAL_POLICY_PROVIDER,
  SAFE_REPLY_PROVIDER,
} from './providers/decisionProvider';
export { localPolicyProvider } from './providers/localPolicyProvider';
export { type OpenAiProviderOptions, openAiProvider } from './providers/openai/openAiProvider';
export { type GeminiProviderOptions, geminiProvider } from './providers/gemini/geminiProvider';
export type { ConfiguredTool, ToolAction } from './domain/decision/configuredTool';
export {
  ProviderError,
  type ProviderErrorCode,
  isProviderError,
} from './domain/decision/decisionErrors';
export { FAILURE_LIMIT_PROVIDER } from './decision/decisionRunner';
