import { performance } from 'node:perf_hooks';
import { WarmlineAttributes, withSpan } from '@warmline/telemetry';
import { reasonName } from '../domain/profile/reasonNames';
import type { DecisionContext } from '../providers/decisionProvider';
import { type DecisionMetrics, DecisionAttributes } from './decisionMetrics';
import type { DecisionOutcome, DecisionRunner } from './decisionRunner';

/** The turn being decided, for the span. */
export interface TracedTurn {
  readonly callId: string;
  readonly turnId: string;
  readonly failuresInARow: number;
}

/**
 * Runs one decision inside its own span (`llm-decision.decide`, a child of the active span,
 * which continues the transcript's trace) with the call id, stage, provider, fallback and
 * outcome as attributes, and records the decision metrics.
 */
export function tracedDecision(
  runner: DecisionRunner,
  metrics: DecisionMetrics,
  turn: TracedTurn,
  context: DecisionContext,
): Promise<DecisionOutcome> {
  return withSpan(
    'llm-decision.decide',
    {
      attributes: {
        [WarmlineAttributes.CALL_ID]: turn.callId,
        [WarmlineAttributes.STAGE]: 'llm-decision',
        [WarmlineAttributes.TURN_ID]: turn.turnId,
      },
    },
    async (span) => {
      const started = performance.now();
      const outcome = await runner.decide(context, turn.failuresInARow);
      metrics.record(outcome, performance.now() - started, runner.primary);
      span.setAttributes({
        [DecisionAttributes.PROVIDER]: outcome.provider,
        [DecisionAttributes.FALLBACK]: outcome.fallback,
        [DecisionAttributes.DECISION]: outcome.decision.kind,
        ...(outcome.failure ? { [DecisionAttributes.FAILURE]: outcome.failure.code } : {}),
        ...(outcome.decision.kind === 'escalate'
          ? { [WarmlineAttributes.ESCALATION_REASON]: reasonName(outcome.decision.reason) }
          : {}),
      });
      return outcome;
    },
  );
}
