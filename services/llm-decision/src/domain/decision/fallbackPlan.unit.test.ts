import { EscalationReason } from '@warmline/contracts';
import { loadProfileFileSync } from '../../adapters/profileFile';
import { failureLimitEscalation, fallbackPlan } from './fallbackPlan';

describe('fallbackPlan', () => {
  const policy = { mode: 'policy' as const, maxConsecutiveFailures: 3 };

  it('uses the local policy engine below the failure limit', () => {
    expect(fallbackPlan(1, policy, false)).toBe('policy');
    expect(fallbackPlan(2, policy, false)).toBe('policy');
  });

  it('escalates at the failure limit', () => {
    expect(fallbackPlan(3, policy, false)).toBe('escalate');
  });

  it('never escalates with a limit of 0', () => {
    expect(fallbackPlan(50, { ...policy, maxConsecutiveFailures: 0 }, false)).toBe('policy');
  });

  it('uses the safe reply when configured, or when the local engine itself failed', () => {
    expect(fallbackPlan(1, { ...policy, mode: 'safe-reply' }, false)).toBe('safe-reply');
    expect(fallbackPlan(1, policy, true)).toBe('safe-reply');
  });

  it('escalates with REPEATED_FAILURE to the profile destination', () => {
    const profile = loadProfileFileSync();
    expect(failureLimitEscalation(profile, 3)).toEqual({
      kind: 'escalate',
      reason: EscalationReason.ESCALATION_REASON_REPEATED_FAILURE,
      detail: 'decision provider failed 3 turns in a row',
      replyText: profile.lines.transition,
      destinationId: 'acme-support-desk',
    });
  });
});
