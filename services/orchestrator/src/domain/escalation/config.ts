import { DEFAULT_BRIEFING_TEXT, DEFAULT_TRANSITION_LINE } from '@warmline/handoff';

/** What happens after the apology when no human took the call. */
export type FallbackMode = 'return-to-agent' | 'voicemail' | 'end';

/** Typed configuration of the escalation saga. Durations are in ms unless the name says otherwise. */
export interface EscalationConfig {
  /** Said to the caller, before ringing the callee. */
  readonly transitionLine: string;
  /** How long connect() rings the callee: 1 to 120 (call.proto `ConnectCall`). */
  readonly ringTimeSeconds: number;
  readonly briefing: {
    /** Whisper a summary to the callee after they answer and before the AI leaves. */
    readonly enabled: boolean;
    /** Placeholders `{callerName}`, `{reason}` and `{summary}` (what was tried). */
    readonly template: string;
    /** The summary is cut at a word boundary to keep the briefing short. */
    readonly maxSummaryChars: number;
  };
  readonly fallback: {
    readonly mode: FallbackMode;
    /** First words after a failed connect, whatever the mode. */
    readonly apologyLine: string;
    /** Follows the apology in `return-to-agent` mode. */
    readonly returnToAgentLine: string;
    /** Follows the apology in `end` mode, before hanging up. */
    readonly callbackLine: string;
    /** Follows the apology in `voicemail` mode: offers a message (default) or a callback. */
    readonly voicemailOfferLine: string;
    /** Said when the caller picks a callback in `voicemail` mode, before hanging up. */
    readonly callbackConfirmLine: string;
    readonly voicemailMaxDurationSeconds: number;
  };
  /** Guard timers: when one fires the saga goes on as if the awaited report had come. */
  readonly timeouts: {
    readonly saveContextMs: number;
    /** For any line the caller or callee hears, except the briefing. */
    readonly speechMs: number;
    /** Added to the ring time, in case call-control never reports the connect. */
    readonly connectMarginMs: number;
    readonly agentModeMs: number;
    readonly briefingMs: number;
    readonly leaveMs: number;
    /** For the caller's choice in `voicemail` mode, counted from the end of the apology. */
    readonly choiceMs: number;
    /** Added to the voicemail's maximum duration. */
    readonly voicemailMarginMs: number;
  };
}

/** The defaults: the seed's transition line, 30 s of ringing, briefing on, voicemail fallback. */
export const defaultEscalationConfig: EscalationConfig = {
  transitionLine: DEFAULT_TRANSITION_LINE,
  ringTimeSeconds: 30,
  briefing: {
    enabled: true,
    ...DEFAULT_BRIEFING_TEXT,
  },
  fallback: {
    mode: 'voicemail',
    apologyLine: "I'm sorry, nobody is available to take your call right now.",
    returnToAgentLine: "I'm still here and will do my best to help you.",
    callbackLine: "We'll call you back at this number as soon as someone is free. Goodbye.",
    voicemailOfferLine:
      "Please leave a message after the tone, or press 1 if you'd rather we call you back.",
    callbackConfirmLine: "Thank you. We'll call you back at this number soon. Goodbye.",
    voicemailMaxDurationSeconds: 120,
  },
  timeouts: {
    saveContextMs: 3_000,
    speechMs: 15_000,
    connectMarginMs: 5_000,
    agentModeMs: 3_000,
    briefingMs: 30_000,
    leaveMs: 5_000,
    choiceMs: 6_000,
    voicemailMarginMs: 10_000,
  },
};
