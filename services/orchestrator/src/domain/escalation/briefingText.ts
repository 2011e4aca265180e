import { EscalationReason } from '@warmline/contracts';
import type { EscalationConfig } from './config';
import type { Escalation } from './state';

const REASON_PHRASES: Readonly<Record<EscalationReason, string>> = {
  [EscalationReason.ESCALATION_REASON_UNSPECIFIED]: 'they need a person',
  [EscalationReason.ESCALATION_REASON_CALLER_ASKED]: 'they asked to speak to a person',
  [EscalationReason.ESCALATION_REASON_FRUSTRATION]: 'they are frustrated',
  [EscalationReason.ESCALATION_REASON_OUT_OF_SCOPE]: 'the request is outside what I can handle',
  [EscalationReason.ESCALATION_REASON_REPEATED_FAILURE]:
    'I could not resolve it after several tries',
  [EscalationReason.ESCALATION_REASON_LOW_CONFIDENCE]: 'I was not confident in my answers',
  [EscalationReason.ESCALATION_REASON_POLICY_KEYWORD]: 'policy says a person must take this call',
  [EscalationReason.UNRECOGNIZED]: 'they need a person',
};

/** Cuts `text` to at most `max` characters at a word boundary, marking the cut with an ellipsis. */
export const shorten = (text: string, max: number): string => {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const head = clean.slice(0, max - 1);
  const lastSpace = head.lastIndexOf(' ');
  return `${lastSpace > max / 2 ? head.slice(0, lastSpace) : head}…`;
};

/**
 * The briefing the callee hears: the template with `{callerName}`, `{reason}` and `{summary}`
 * filled in, in one pass (a summary that itself contains `{reason}` stays as written).
 */
export const briefingText = (
  escalation: Escalation | undefined,
  briefing: EscalationConfig['briefing'],
): string => {
  const values: Readonly<Record<string, string>> = {
    callerName: escalation?.callerName || 'a caller',
    reason: REASON_PHRASES[escalation?.reason ?? EscalationReason.ESCALATION_REASON_UNSPECIFIED],
    summary: shorten(escalation?.summary ?? '', briefing.maxSummaryChars),
  };
  return briefing.template
    .replace(/\{(callerName|reason|summary)\}/g, (_match, key: string) => values[key] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
};
