import type { EscalationReason } from '@warmline/contracts';
import type { CompiledProfile } from './compileProfile';
import type { EndDecision, EscalateDecision, ReplyDecision } from './decision';

/** Joins profile lines into one utterance. */
export const say = (...parts: readonly (string | undefined)[]): string =>
  parts.filter((p): p is string => p !== undefined && p !== '').join(' ');

/**
 * An escalation to the profile's configured destination with its transition line. Nothing
 * here comes from the caller: `detail` is built from rule names and lexicon or profile terms.
 */
export function escalateTo(
  compiled: CompiledProfile,
  reason: EscalationReason,
  detail: string,
): EscalateDecision {
  return {
    kind: 'escalate',
    reason,
    detail,
    replyText: compiled.profile.lines.transition,
    destinationId: compiled.profile.transfer.destinationId,
  };
}

/** A reply made of profile lines. */
export function replyWith(text: string, intentId?: string): ReplyDecision {
  return intentId === undefined ? { kind: 'reply', text } : { kind: 'reply', text, intentId };
}

/** The goodbye. */
export function endCall(compiled: CompiledProfile): EndDecision {
  return { kind: 'end', replyText: compiled.profile.lines.goodbye };
}
