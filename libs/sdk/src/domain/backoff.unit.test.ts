import { backoffDelayMs, defaultBackoff } from './backoff';

describe('backoffDelayMs', () => {
  const policy = { initialDelayMs: 100, maxDelayMs: 1_000, multiplier: 2, jitter: 0.5 };

  it('grows exponentially up to the cap (no randomness at random = 0)', () => {
    expect([0, 1, 2, 3, 4, 10].map((attempt) => backoffDelayMs(attempt, policy, 0))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
  });

  it('takes off at most the jitter fraction', () => {
    expect(backoffDelayMs(2, policy, 0.999999)).toBe(200);
    expect(backoffDelayMs(2, policy, 0.5)).toBe(300);
    expect(backoffDelayMs(2, { ...policy, jitter: 0 }, 0.9)).toBe(400);
  });

  it('has sane defaults', () => {
    expect(backoffDelayMs(0, defaultBackoff, 0)).toBe(defaultBackoff.initialDelayMs);
    expect(backoffDelayMs(50, defaultBackoff, 0)).toBe(defaultBackoff.maxDelayMs);
  });
});
