import { EscalationReason } from '@warmline/contracts';
import { briefingText as fillBriefing, reasonPhrase } from '@warmline/handoff';
import type { EscalationConfig } from './config';
import type { Escalation } from './state';

/**
 * The briefing the callee hears: the escalation as `@warmline/handoff`'s briefing (the one
 * definition the SDK shares), with the configured template and summary length.
 */
export const briefingText = (
  escalation: Escalation | undefined,
  briefing: EscalationConfig['briefing'],
): string =>
  fillBriefing(
    {
      callerName: escalation?.callerName ?? '',
      reason: reasonPhrase(escalation?.reason ?? EscalationReason.ESCALATION_REASON_UNSPECIFIED),
      tried: escalation?.summary ?? '',
    },
    { template: briefing.template, maxSummaryChars: briefing.maxSummaryChars },
  );
