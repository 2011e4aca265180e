import type { EscalationConfig } from '../config';
import { type TimerPurpose, effectIds } from '../effectIds';
import type { ActiveStatus } from '../state';

/** How a step is entered: the effect it issues, and the guard timer that bounds the wait after. */
interface GuardedStep {
  /** '' for a step that issues nothing but its guard. */
  readonly effectId: (callId: string) => string;
  readonly guard: TimerPurpose;
  readonly guardMs: (config: EscalationConfig) => number;
}

/**
 * Every active step waits for something the world may never report, so every one is guarded:
 * when its timer fires, the saga goes on as if the report had come (or gives up, for connect).
 */
export const GUARDED_STEPS: Readonly<Record<ActiveStatus, GuardedStep>> = {
  SavingContext: {
    effectId: (callId) => effectIds.saveContext(callId, 'escalation'),
    guard: 'save-context',
    guardMs: (c) => c.timeouts.saveContextMs,
  },
  Announcing: {
    effectId: effectIds.transitionLine,
    guard: 'announce',
    guardMs: (c) => c.timeouts.speechMs,
  },
  Connecting: {
    effectId: effectIds.connect,
    guard: 'connect',
    // In case call-control never reports: the ring time plus a margin.
    guardMs: (c) => c.ringTimeSeconds * 1000 + c.timeouts.connectMarginMs,
  },
  SwitchingToWhisper: {
    effectId: effectIds.whisper,
    guard: 'agent-mode',
    guardMs: (c) => c.timeouts.agentModeMs,
  },
  Briefing: {
    effectId: effectIds.briefing,
    guard: 'briefing',
    guardMs: (c) => c.timeouts.briefingMs,
  },
  Leaving: { effectId: effectIds.close, guard: 'leave', guardMs: (c) => c.timeouts.leaveMs },
  Apologizing: {
    effectId: effectIds.apology,
    guard: 'apology',
    guardMs: (c) => c.timeouts.speechMs,
  },
  Offering: { effectId: () => '', guard: 'choice', guardMs: (c) => c.timeouts.choiceMs },
  RecordingVoicemail: {
    effectId: effectIds.voicemail,
    guard: 'voicemail',
    guardMs: (c) => c.fallback.voicemailMaxDurationSeconds * 1000 + c.timeouts.voicemailMarginMs,
  },
  Closing: {
    effectId: effectIds.callbackConfirm,
    guard: 'closing',
    guardMs: (c) => c.timeouts.speechMs,
  },
};
