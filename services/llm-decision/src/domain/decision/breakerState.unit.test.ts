import { admit, afterFailure, afterSuccess, closedCircuit } from './breakerState';

const settings = { failureThreshold: 3, cooldownMs: 1_000 };

describe('circuit breaker state', () => {
  it('stays closed below the threshold and opens at it', () => {
    let state = closedCircuit();
    state = afterFailure(state, 0, settings);
    state = afterFailure(state, 0, settings);
    expect(state).toEqual({ kind: 'closed', failures: 2 });
    expect(afterFailure(state, 10, settings)).toEqual({ kind: 'open', untilMs: 1_010 });
  });

  it('forgets failures after a success', () => {
    const state = afterFailure(closedCircuit(), 0, settings);
    expect(afterSuccess(state)).toEqual(closedCircuit());
  });

  it('refuses while open, then lets exactly one trial through after the cool-down', () => {
    const open = { kind: 'open', untilMs: 1_000 } as const;
    expect(admit(open, 999)).toEqual({ allowed: false, state: open });
    const trial = admit(open, 1_000);
    expect(trial).toEqual({ allowed: true, state: { kind: 'half-open' } });
    expect(admit(trial.state, 1_001).allowed).toBe(false);
  });

  it('closes after a successful trial and reopens after a failed one', () => {
    const halfOpen = { kind: 'half-open' } as const;
    expect(afterSuccess(halfOpen)).toEqual(closedCircuit());
    expect(afterFailure(halfOpen, 5_000, settings)).toEqual({ kind: 'open', untilMs: 6_000 });
  });

  it('never opens with a threshold of 0', () => {
    let state = closedCircuit();
    for (let i = 0; i < 10; i += 1)
      state = afterFailure(state, 0, { ...settings, failureThreshold: 0 });
    expect(state.kind).toBe('closed');
  });
});
