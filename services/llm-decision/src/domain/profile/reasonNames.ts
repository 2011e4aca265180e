import { EscalationReason } from '@warmline/contracts';

/** The escalation reasons by the names profiles and the corpus use. */
export const REASON_BY_NAME = {
  caller_asked: EscalationReason.ESCALATION_REASON_CALLER_ASKED,
  frustration: EscalationReason.ESCALATION_REASON_FRUSTRATION,
  out_of_scope: EscalationReason.ESCALATION_REASON_OUT_OF_SCOPE,
  repeated_failure: EscalationReason.ESCALATION_REASON_REPEATED_FAILURE,
  low_confidence: EscalationReason.ESCALATION_REASON_LOW_CONFIDENCE,
  policy_keyword: EscalationReason.ESCALATION_REASON_POLICY_KEYWORD,
} as const;

/** A reason's name in profiles and the corpus (`caller_asked`…). */
export type ReasonName = keyof typeof REASON_BY_NAME;

/** All reason names, in the proto's order. */
export const REASON_NAMES = Object.keys(REASON_BY_NAME) as readonly ReasonName[];

/** The reason for a name, or undefined for an unknown name. */
export function reasonFromName(name: string): EscalationReason | undefined {
  return (REASON_BY_NAME as Readonly<Record<string, EscalationReason>>)[name];
}

/** The name of a reason (`unspecified` for values outside the closed set). */
export function reasonName(reason: EscalationReason): ReasonName | 'unspecified' {
  return REASON_NAMES.find((name) => REASON_BY_NAME[name] === reason) ?? 'unspecified';
}
