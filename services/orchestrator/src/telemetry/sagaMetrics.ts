import {
  escalationOutcomeToJSON,
  escalationReasonToJSON,
  type EscalationEvent,
  type EscalationReason,
} from '@warmline/contracts';
import { type Telemetry, WarmlineMetrics, createCounter } from '@warmline/telemetry';

/** What the runner counts, from the events it appended (never from a repeated append). */
export interface SagaMetrics {
  /** Counts `started` (escalations, by reason) and `finished` (outcomes, by outcome and reason). */
  recordAppended(events: readonly EscalationEvent[], reason: EscalationReason | undefined): void;
}

/**
 * Counters on `meter`: `warmline.orchestrator.escalations` and `…escalation.outcomes`, and the
 * metric contract's `warmline_escalations_total{reason,outcome}` (escalations finished).
 */
export const createSagaMetrics = (meter: Telemetry['meter']): SagaMetrics => {
  const started = createCounter(
    meter,
    'warmline.orchestrator.escalations',
    '{escalation}',
    'Escalations started, by reason',
  );
  const finished = createCounter(
    meter,
    'warmline.orchestrator.escalation.outcomes',
    '{escalation}',
    'Sagas finished, by outcome and by the reason of the escalation (UNSPECIFIED: none)',
  );
  const contractFinished = createCounter(
    meter,
    WarmlineMetrics.ESCALATIONS_TOTAL,
    '{escalation}',
    'Escalations finished, by reason and outcome',
  );
  return {
    recordAppended: (events, reasonBefore) => {
      let reason = reasonBefore;
      for (const { payload } of events) {
        if (payload?.$case === 'started') {
          reason = payload.value.reason;
          started.add(1, { reason: escalationReasonToJSON(reason) });
        } else if (payload?.$case === 'finished') {
          const labels = {
            outcome: escalationOutcomeToJSON(payload.value.outcome),
            reason: escalationReasonToJSON(reason ?? 0),
          };
          finished.add(1, labels);
          contractFinished.add(1, labels);
        }
      }
    },
  };
};

/** Counts nothing (tests that do not look at metrics). */
export const noSagaMetrics: SagaMetrics = { recordAppended: () => undefined };
