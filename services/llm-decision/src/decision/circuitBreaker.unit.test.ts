import { ProviderError } from '../domain/decision/decisionErrors';
import { createCircuitBreaker } from './circuitBreaker';

describe('createCircuitBreaker', () => {
  it('stops calling a failing provider once open, and tries again after the cool-down', async () => {
    let nowMs = 0;
    const breaker = createCircuitBreaker(
      'model',
      { failureThreshold: 2, cooldownMs: 1_000 },
      () => nowMs,
    );
    let attempts = 0;
    const fail = async (): Promise<string> => {
      attempts += 1;
      throw new ProviderError('model', 'http', '503', { status: 503 });
    };
    await expect(breaker.run(fail)).rejects.toMatchObject({ code: 'http' });
    await expect(breaker.run(fail)).rejects.toMatchObject({ code: 'http' });
    await expect(breaker.run(fail)).rejects.toMatchObject({ code: 'circuit-open' });
    expect(attempts).toBe(2);

    nowMs = 1_000;
    await expect(breaker.run(async () => 'ok')).resolves.toBe('ok');
    expect(breaker.state()).toEqual({ kind: 'closed', failures: 0 });
  });
});
