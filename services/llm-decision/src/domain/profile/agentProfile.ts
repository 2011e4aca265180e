import type { EscalationReason } from '@warmline/contracts';

/** Everything the agent can say that is not an intent's answer. */
export interface ProfileLines {
  /** Said when the call is answered. */
  readonly greeting: string;
  /** Said before handing the caller to a person. */
  readonly transition: string;
  /** Said before ending the call. */
  readonly goodbye: string;
  /** Appended to answers: "Is there anything else I can help you with?" */
  readonly anythingElse: string;
  /** When the agent did not understand. */
  readonly clarify: string;
  /** When the question is outside what this line handles. */
  readonly outOfScope: string;
  /** When recognition confidence was too low to act on. */
  readonly reprompt: string;
  /** After a greeting or a preamble ("I have a question"). */
  readonly howCanIHelp: string;
  /** After thanks or an acknowledgement. */
  readonly youAreWelcome: string;
}

/** An optional yes/no question asked after an intent's answer. */
export interface IntentFollowUp {
  readonly prompt: string;
  readonly onYes: string;
  /** Said on "no"; the anything-else line alone when absent. */
  readonly onNo?: string;
}

/** One thing the agent knows how to answer. */
export interface Intent {
  readonly id: string;
  /** Example caller phrasings. */
  readonly examples: readonly string[];
  /** Words or short phrases that point strongly at this intent. */
  readonly keywords: readonly string[];
  readonly answer: string;
  readonly followUp?: IntentFollowUp;
}

/** Phrases that send the caller to a person for a business reason (complaint, emergency…). */
export interface PolicyKeywordRule {
  /** A short name for the detail field (`complaint`). */
  readonly label: string;
  readonly reason: EscalationReason;
  readonly phrases: readonly string[];
}

/** When and why the agent hands over. */
export interface EscalationRules {
  /** Phrases that are a request for a person on their own (besides the built-in detector). */
  readonly explicitRequestPhrases: readonly string[];
  readonly policyKeywords: readonly PolicyKeywordRule[];
  /** Escalate when the decayed frustration level reaches `threshold`. */
  readonly frustration: { readonly threshold: number; readonly decay: number };
  /** Escalate when this many turns failed (unclear, rejected, repeated). */
  readonly repeatedFailure: { readonly maxFailedTurns: number };
  /** Escalate at this many out-of-scope questions in one call. */
  readonly outOfScope: { readonly maxTurns: number };
  /** Turns below `minConfidence`; escalate after `maxConsecutive` in a row. */
  readonly lowConfidence: { readonly minConfidence: number; readonly maxConsecutive: number };
  /** Intent scores: at least `intentThreshold` is a match; below `outOfScopeThreshold` is out of scope. */
  readonly matching: { readonly intentThreshold: number; readonly outOfScopeThreshold: number };
}

/** A validated, deeply frozen agent profile (see `config/profiles/acme-internet.yaml`). */
export interface AgentProfile {
  readonly version: 1;
  readonly businessName: string;
  readonly lines: ProfileLines;
  /** Canonical word → variants the caller may use instead. */
  readonly synonyms: Readonly<Record<string, readonly string[]>>;
  readonly intents: readonly Intent[];
  readonly escalation: EscalationRules;
  readonly endOfCall: { readonly phrases: readonly string[] };
  /** Where a handoff goes: a key into the deployment's configuration, never a number. */
  readonly transfer: { readonly destinationId: string };
}
