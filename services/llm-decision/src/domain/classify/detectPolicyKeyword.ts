import type { EscalationReason } from '@warmline/contracts';
import { findPhrase } from '../text/findPhrase';
import { isNegated } from '../text/negation';
import type { NormalizedText } from '../text/normalizeText';

/** A policy rule with its phrases already normalised. */
export interface CompiledPolicyRule {
  readonly label: string;
  readonly reason: EscalationReason;
  readonly phrases: readonly (readonly string[])[];
}

/** A policy keyword the caller used. */
export interface PolicyHit {
  readonly label: string;
  readonly reason: EscalationReason;
  /** The profile phrase that matched (never the caller's own words). */
  readonly phrase: string;
}

/**
 * The first policy rule (in profile order) with a phrase in `text`, tolerating recognition
 * errors (`complain` for `complaint`) and inflection (`cancelling my service`); a negated
 * phrase (`this is not an emergency`, `I don't want to cancel my account`) does not count.
 */
export function detectPolicyKeyword(
  text: NormalizedText,
  rules: readonly CompiledPolicyRule[],
): PolicyHit | undefined {
  for (const rule of rules) {
    for (const phrase of rule.phrases) {
      const hit = findPhrase(text.tokens, phrase).find((m) => !isNegated(text, m.start));
      if (hit !== undefined)
        return { label: rule.label, reason: rule.reason, phrase: phrase.join(' ') };
    }
  }
  return undefined;
}
