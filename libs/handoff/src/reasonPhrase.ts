import { EscalationReason } from '@warmline/contracts';

const GENERIC = 'they need a person';

const REASON_PHRASES: Readonly<Record<EscalationReason, string>> = {
  [EscalationReason.ESCALATION_REASON_UNSPECIFIED]: GENERIC,
  [EscalationReason.ESCALATION_REASON_CALLER_ASKED]: 'they asked to speak to a person',
  [EscalationReason.ESCALATION_REASON_FRUSTRATION]: 'they are frustrated',
  [EscalationReason.ESCALATION_REASON_OUT_OF_SCOPE]: 'the request is outside what I can handle',
  [EscalationReason.ESCALATION_REASON_REPEATED_FAILURE]:
    'I could not resolve it after several tries',
  [EscalationReason.ESCALATION_REASON_LOW_CONFIDENCE]: 'I was not confident in my answers',
  [EscalationReason.ESCALATION_REASON_POLICY_KEYWORD]: 'policy says a person must take this call',
  [EscalationReason.UNRECOGNIZED]: GENERIC,
};

/** Why the caller is transferred, as the briefing's `{reason}` phrase. */
export const reasonPhrase = (reason: EscalationReason): string => REASON_PHRASES[reason] ?? GENERIC;
