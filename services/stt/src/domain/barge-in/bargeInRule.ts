import { isBackchannelOnly } from './backchannel';

/** Tuning of the barge-in rule. */
export interface BargeInConfig {
  /** Caller speech while the agent talks must last longer than this to interrupt. */
  readonly minSpeechMs: number;
  /**
   * With an engine that gives partials, how much longer to wait for the first
   * one before deciding on duration alone (so a slow "uh-huh" is heard first).
   */
  readonly partialGraceMs: number;
}

/** 400 ms: longer than a typical "uh-huh" or "mm-hmm", shorter than "wait, stop"; 300 ms grace. */
export const DEFAULT_BARGE_IN_CONFIG: BargeInConfig = { minSpeechMs: 400, partialGraceMs: 300 };

/** What the rule sees at one moment of caller speech. */
export interface BargeInInput {
  /** The agent's audio is playing to the caller. */
  readonly agentSpeaking: boolean;
  /** Caller speech so far in this turn, pauses excluded. */
  readonly speechMs: number;
  /** The latest partial transcript of the caller's speech, once one has come. */
  readonly partialText?: string;
  /** The engine produces partials (so one is worth waiting for). */
  readonly expectPartials?: boolean;
}

/** The rule's verdict: interrupt now, or not (yet), with the reason. */
export type BargeInVerdict =
  | { readonly interrupt: true; readonly reason: 'long-speech' }
  | {
      readonly interrupt: false;
      readonly reason: 'agent-silent' | 'too-short' | 'awaiting-transcript' | 'backchannel';
    };

/**
 * The backchannel rule. While the agent speaks, caller speech is a barge-in
 * only when it has lasted longer than {@link BargeInConfig.minSpeechMs} and,
 * when a partial transcript exists, it is not only backchannel words. So a
 * short "uh-huh" never interrupts, and neither does a long "yeah, okay, sure".
 * With an engine that gives partials, the rule waits up to
 * {@link BargeInConfig.partialGraceMs} more for the first one before it
 * decides on duration alone.
 */
export const bargeInVerdict = (
  input: BargeInInput,
  config: Partial<BargeInConfig> = {},
): BargeInVerdict => {
  const { minSpeechMs, partialGraceMs } = { ...DEFAULT_BARGE_IN_CONFIG, ...config };
  if (!input.agentSpeaking) return { interrupt: false, reason: 'agent-silent' };
  if (input.speechMs <= minSpeechMs) return { interrupt: false, reason: 'too-short' };
  if (input.partialText === undefined) {
    const waiting = input.expectPartials === true && input.speechMs <= minSpeechMs + partialGraceMs;
    return waiting
      ? { interrupt: false, reason: 'awaiting-transcript' }
      : { interrupt: true, reason: 'long-speech' };
  }
  if (isBackchannelOnly(input.partialText)) {
    return { interrupt: false, reason: 'backchannel' };
  }
  return { interrupt: true, reason: 'long-speech' };
};
