import { ProviderError, isProviderError } from '../domain/decision/decisionErrors';
import {
  type FallbackSettings,
  failureLimitEscalation,
  fallbackPlan,
} from '../domain/decision/fallbackPlan';
import type { Decision } from '../domain/engine/decision';
import {
  type DecisionContext,
  type DecisionProvider,
  LOCAL_POLICY_PROVIDER,
  SAFE_REPLY_PROVIDER,
} from '../providers/decisionProvider';
import type { CircuitBreaker } from './circuitBreaker';
import { decideWithinDeadline } from './withDeadline';

/** The provider name written when a call reached its failure limit and was handed over. */
export const FAILURE_LIMIT_PROVIDER = 'failure-limit';

/** A decision and how it was reached. */
export interface DecisionOutcome {
  readonly decision: Decision;
  /** Who produced the decision: the primary provider, `local-policy`, `safe-reply` or `failure-limit`. */
  readonly provider: string;
  /** True when the primary provider failed and a fallback decided. */
  readonly fallback: boolean;
  /** Why the primary provider failed, when it did. */
  readonly failure?: ProviderError;
}

/** How the runner decides. Durations in ms. */
export interface DecisionRunnerOptions {
  readonly primary: DecisionProvider;
  /** The local policy engine (the `policy` fallback). */
  readonly local: DecisionProvider;
  /** The primary provider's circuit breaker. */
  readonly breaker: CircuitBreaker;
  readonly deadlineMs: number;
  readonly fallback: FallbackSettings;
  /** The safe reply; the profile's reprompt line when not configured. */
  readonly safeReply?: string;
}

/** Decides turns: the primary provider within the deadline, else a fallback. Never rejects. */
export interface DecisionRunner {
  /** The primary provider's name. */
  readonly primary: string;
  /** `failuresInARow`: the call's provider failures in a row before this turn. */
  decide(context: DecisionContext, failuresInARow: number): Promise<DecisionOutcome>;
}

/**
 * The decision runner: the primary provider behind its circuit breaker and the deadline, and
 * on any failure (timeout, error, open circuit) a fallback chosen by `fallbackPlan`: the local
 * policy engine's decision, the safe reply, or a REPEATED_FAILURE escalation once the call has
 * failed `maxConsecutiveFailures` turns in a row. A fallback that fails gives the safe reply.
 */
export function createDecisionRunner(options: DecisionRunnerOptions): DecisionRunner {
  const { primary, local } = options;
  const safeReply = (context: DecisionContext): DecisionOutcome['decision'] => ({
    kind: 'reply',
    text: options.safeReply ?? context.profile.lines.reprompt,
  });
  const fallBack = async (
    context: DecisionContext,
    failuresInARow: number,
    failure: ProviderError,
  ): Promise<DecisionOutcome> => {
    const failures = failuresInARow + 1;
    const plan = fallbackPlan(failures, options.fallback, primary.name === LOCAL_POLICY_PROVIDER);
    const outcome = (decision: Decision, provider: string): DecisionOutcome => ({
      decision,
      provider,
      fallback: true,
      failure,
    });
    if (plan === 'escalate') {
      return outcome(failureLimitEscalation(context.profile, failures), FAILURE_LIMIT_PROVIDER);
    }
    if (plan === 'policy') {
      try {
        return outcome(await local.decide(context, new AbortController().signal), local.name);
      } catch {
        // The engine is pure and local; if even it fails, the safe reply still answers.
      }
    }
    return outcome(safeReply(context), SAFE_REPLY_PROVIDER);
  };
  return {
    primary: primary.name,
    decide: async (context, failuresInARow) => {
      try {
        const decision = await options.breaker.run(() =>
          decideWithinDeadline(primary, context, options.deadlineMs),
        );
        return { decision, provider: primary.name, fallback: false };
      } catch (error) {
        const failure = isProviderError(error)
          ? error
          : new ProviderError(primary.name, 'failed', 'the provider failed', { cause: error });
        return fallBack(context, failuresInARow, failure);
      }
    },
  };
}
