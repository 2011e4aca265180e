import {
  EscalationOutcome,
  escalationOutcomeToJSON,
  EscalationReason,
  escalationReasonToJSON,
  type ListEscalationsRequest,
} from '@warmline/contracts';
import type { EscalationQuery } from '../../ports';

/** Escalations returned when the request asks for none in particular. */
export const DEFAULT_LIST_LIMIT = 50;
/** The most escalations one request returns. */
export const MAX_LIST_LIMIT = 500;

/** A ListEscalations request as a repository query; unset fields (zero values) filter nothing. */
export const toEscalationQuery = (request: ListEscalationsRequest): EscalationQuery => ({
  limit: Math.min(request.limit || DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT),
  ...(request.reason !== EscalationReason.ESCALATION_REASON_UNSPECIFIED
    ? { reason: escalationReasonToJSON(request.reason) }
    : {}),
  ...(request.outcome !== EscalationOutcome.ESCALATION_OUTCOME_UNSPECIFIED
    ? { outcome: escalationOutcomeToJSON(request.outcome) }
    : {}),
  ...(request.since ? { since: request.since } : {}),
  ...(request.callerNumber ? { callerNumber: request.callerNumber } : {}),
});
