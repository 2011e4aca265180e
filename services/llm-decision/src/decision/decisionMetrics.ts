import type { Meter } from '@opentelemetry/api';
import { createCounter, createHistogram } from '@warmline/telemetry';
import { reasonName } from '../domain/profile/reasonNames';
import type { DecisionOutcome } from './decisionRunner';

/**
 * The service's own span and metric attribute names (candidates for `WarmlineAttributes` in
 * @warmline/telemetry).
 */
export const DecisionAttributes = {
  PROVIDER: 'warmline.llm.provider',
  FALLBACK: 'warmline.llm.fallback',
  DECISION: 'warmline.llm.decision',
  FAILURE: 'warmline.llm.failure',
} as const;

/** The decision service's metrics. */
export interface DecisionMetrics {
  /** Records one decided turn: its latency, whether it fell back and why, and any escalation. */
  record(outcome: DecisionOutcome, latencyMs: number, primary: string): void;
}

const LATENCY_BUCKETS_MS = [1, 5, 10, 25, 50, 100, 250, 500, 750, 1000, 1500, 2000, 3000, 5000];

/**
 * Metrics on `meter`: `warmline.llm_decision.duration` (ms, by provider and fallback),
 * `warmline.llm_decision.fallbacks` (by primary provider and failure code) and
 * `warmline.llm_decision.escalations` (by reason).
 */
export function createDecisionMetrics(meter: Meter): DecisionMetrics {
  const duration = createHistogram(
    meter,
    'warmline.llm_decision.duration',
    'ms',
    'Time to decide one caller turn, fallbacks included',
    LATENCY_BUCKETS_MS,
  );
  const fallbacks = createCounter(
    meter,
    'warmline.llm_decision.fallbacks',
    '{turn}',
    'Turns decided by a fallback because the provider failed',
  );
  const escalations = createCounter(
    meter,
    'warmline.llm_decision.escalations',
    '{escalation}',
    'Escalations requested, by reason',
  );
  return {
    record: (outcome, latencyMs, primary) => {
      duration.record(latencyMs, {
        [DecisionAttributes.PROVIDER]: outcome.provider,
        [DecisionAttributes.FALLBACK]: outcome.fallback,
      });
      if (outcome.fallback) {
        fallbacks.add(1, {
          [DecisionAttributes.PROVIDER]: primary,
          [DecisionAttributes.FAILURE]: outcome.failure?.code ?? 'failed',
        });
      }
      if (outcome.decision.kind === 'escalate') {
        escalations.add(1, { reason: reasonName(outcome.decision.reason) });
      }
    },
  };
}
