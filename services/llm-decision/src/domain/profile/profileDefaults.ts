import { DEFAULT_TRANSITION_LINE } from '@warmline/handoff';
import type { ProfileLines } from './agentProfile';

/** The transition line when a profile does not set one (the one the orchestrator's saga says). */
export { DEFAULT_TRANSITION_LINE };

/** Lines used when a profile leaves them out (`greeting` and `goodbye` name the business). */
export const defaultLines = (businessName: string): ProfileLines => ({
  greeting: `Thanks for calling ${businessName}. How can I help you today?`,
  transition: DEFAULT_TRANSITION_LINE,
  goodbye: `Thanks for calling ${businessName}. Goodbye!`,
  anythingElse: 'Is there anything else I can help you with?',
  clarify: "Sorry, I'm not sure I understood. Could you tell me a bit more about what you need?",
  outOfScope: "I'm sorry, I can't help with that on this line.",
  reprompt: "Sorry, I didn't quite catch that. Could you say it again?",
  howCanIHelp: 'How can I help you today?',
  youAreWelcome: "You're welcome.",
});

/** Escalation settings used when a profile leaves them out. */
export const DEFAULT_ESCALATION = {
  frustration: { threshold: 3.5, decay: 0.6 },
  repeatedFailure: { maxFailedTurns: 3 },
  outOfScope: { maxTurns: 2 },
  lowConfidence: { minConfidence: 0.5, maxConsecutive: 2 },
  matching: { intentThreshold: 0.3, outOfScopeThreshold: 0.12 },
} as const;

/** End-of-call phrases used when a profile leaves them out. */
export const DEFAULT_END_PHRASES: readonly string[] = [
  "that's all",
  "that's it",
  'goodbye',
  'bye',
  'nothing else',
  'all set',
];
