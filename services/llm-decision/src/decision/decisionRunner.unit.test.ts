import { EscalationReason } from '@warmline/contracts';
import { ProviderError } from '../domain/decision/decisionErrors';
import type { FallbackSettings } from '../domain/decision/fallbackPlan';
import type { DecisionProvider } from '../providers/decisionProvider';
import { localPolicyProvider } from '../providers/localPolicyProvider';
import { contextFor, exampleProfile } from '../testSupport/decisionContexts';
import { createCircuitBreaker } from './circuitBreaker';
import { createDecisionRunner } from './decisionRunner';

const failing = (): DecisionProvider & { calls: number } => {
  const provider = {
    name: 'model',
    calls: 0,
    decide: async () => {
      provider.calls += 1;
      throw new ProviderError('model', 'http', '500', { status: 500 });
    },
  };
  return provider;
};
const runnerFor = (
  primary: DecisionProvider,
  fallback: Partial<FallbackSettings> = {},
  options: { safeReply?: string; breakerFailures?: number } = {},
) =>
  createDecisionRunner({
    primary,
    local: localPolicyProvider(),
    breaker: createCircuitBreaker(
      primary.name,
      { failureThreshold: options.breakerFailures ?? 0, cooldownMs: 60_000 },
      () => 0,
    ),
    deadlineMs: 1_000,
    fallback: { mode: 'policy', maxConsecutiveFailures: 3, ...fallback },
    ...(options.safeReply === undefined ? {} : { safeReply: options.safeReply }),
  });

describe('createDecisionRunner', () => {
  it('uses the primary provider when it answers', async () => {
    const model: DecisionProvider = {
      name: 'model',
      decide: async () => ({ kind: 'reply', text: 'Hi!' }),
    };
    await expect(runnerFor(model).decide(contextFor('hello'), 0)).resolves.toEqual({
      decision: { kind: 'reply', text: 'Hi!' },
      provider: 'model',
      fallback: false,
    });
  });

  it("falls back to the local policy engine's decision, saying why", async () => {
    const outcome = await runnerFor(failing()).decide(contextFor('what are your hours'), 0);
    expect(outcome).toMatchObject({
      provider: 'local-policy',
      fallback: true,
      decision: { kind: 'reply', intentId: 'hours' },
    });
    expect(outcome.failure).toMatchObject({ code: 'http', status: 500 });
  });

  it('falls back to the safe reply when so configured (the profile reprompt by default)', async () => {
    const configured = await runnerFor(
      failing(),
      { mode: 'safe-reply' },
      { safeReply: 'One moment.' },
    ).decide(contextFor('hi'), 0);
    expect(configured).toMatchObject({
      provider: 'safe-reply',
      decision: { kind: 'reply', text: 'One moment.' },
    });
    const byDefault = await runnerFor(failing(), { mode: 'safe-reply' }).decide(
      contextFor('hi'),
      0,
    );
    expect(byDefault.decision).toEqual({ kind: 'reply', text: exampleProfile.lines.reprompt });
  });

  it('escalates with REPEATED_FAILURE when the call reaches its failure limit', async () => {
    const outcome = await runnerFor(failing()).decide(contextFor('what are your hours'), 2);
    expect(outcome).toMatchObject({
      provider: 'failure-limit',
      fallback: true,
      decision: {
        kind: 'escalate',
        reason: EscalationReason.ESCALATION_REASON_REPEATED_FAILURE,
        destinationId: 'acme-support-desk',
      },
    });
  });

  it('does not wait on a provider whose circuit is open', async () => {
    const model = failing();
    const runner = runnerFor(model, { maxConsecutiveFailures: 0 }, { breakerFailures: 2 });
    for (let turn = 0; turn < 5; turn += 1) await runner.decide(contextFor('hi'), 0);
    expect(model.calls).toBe(2);
    const outcome = await runner.decide(contextFor('hi'), 0);
    expect(outcome.failure?.code).toBe('circuit-open');
    expect(outcome.fallback).toBe(true);
  });
});
