import { EscalationReason } from '@warmline/contracts';
import type { EscalateDecision } from '../engine/decision';
import type { AgentProfile } from '../profile/agentProfile';

/** What to use instead when the primary provider fails: the local policy engine or a fixed line. */
export type FallbackMode = 'policy' | 'safe-reply';

/** The fallback settings. */
export interface FallbackSettings {
  readonly mode: FallbackMode;
  /** After this many provider failures in a row in one call, escalate (0: never). */
  readonly maxConsecutiveFailures: number;
}

/**
 * What replaces a failed provider decision:
 * - `escalate`: the call reached its limit of failures in a row; hand over (REPEATED_FAILURE);
 * - `policy`: the local policy engine's decision (instant, no model);
 * - `safe-reply`: the configured safe reply.
 */
export type FallbackPlan = 'escalate' | 'policy' | 'safe-reply';

/**
 * Chooses the fallback after a provider failure. `failuresInARow` counts this failure too.
 * The local engine is not its own fallback: when it is the primary provider that failed, the
 * safe reply is used.
 */
export function fallbackPlan(
  failuresInARow: number,
  settings: FallbackSettings,
  primaryIsLocal: boolean,
): FallbackPlan {
  if (settings.maxConsecutiveFailures > 0 && failuresInARow >= settings.maxConsecutiveFailures) {
    return 'escalate';
  }
  return settings.mode === 'policy' && !primaryIsLocal ? 'policy' : 'safe-reply';
}

/**
 * The escalation when a call reached its limit of provider failures in a row: reason
 * REPEATED_FAILURE, the profile's transition line and destination.
 */
export function failureLimitEscalation(
  profile: AgentProfile,
  failuresInARow: number,
): EscalateDecision {
  return {
    kind: 'escalate',
    reason: EscalationReason.ESCALATION_REASON_REPEATED_FAILURE,
    detail: `decision provider failed ${failuresInARow} turns in a row`,
    replyText: profile.lines.transition,
    destinationId: profile.transfer.destinationId,
  };
}
