import { type LocalStack, startLocalStack } from '@warmline/local-stack';
import { freePorts, waitFor } from '@warmline/testing';
import { startPrometheus, type TestPrometheus } from './prometheus';

/**
 * Prometheus from Debian scrapes a real service: stt, run by the local stack with its ops
 * server on a free loopback port (METRICS_PORT), every second; the query API then returns
 * stt's contract gauge, and its `/healthz` and `/readyz` answer on the same port.
 */
describe('Prometheus scrapes a service', () => {
  let stack: LocalStack;
  let prometheus: TestPrometheus;
  let opsPort: number;

  beforeAll(async () => {
    [opsPort] = (await freePorts(1)) as [number];
    stack = await startLocalStack({
      services: ['stt'],
      env: { stt: { METRICS_PORT: String(opsPort), METRICS_HOST: '127.0.0.1' } },
      logs: 'silent',
    });
    prometheus = await startPrometheus([`127.0.0.1:${opsPort}`]);
  }, 120_000);

  afterAll(async () => {
    await prometheus?.stop();
    await stack?.stop();
  });

  it('serves /healthz and a ready /readyz (NATS and the engine up) on the metrics port', async () => {
    expect((await fetch(`http://127.0.0.1:${opsPort}/healthz`)).status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${opsPort}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ready: true,
      status: 'ready',
      checks: { nats: true, engine: true },
    });
  });

  it('the target comes up and warmline_stt_calls_active is queryable', async () => {
    const target = await waitFor(
      async () => (await prometheus.targets()).find((t) => t.health === 'up'),
      { timeoutMs: 30_000, intervalMs: 250, describe: () => 'the stt target up' },
    );
    expect(target.scrapeUrl).toBe(`http://127.0.0.1:${opsPort}/metrics`);

    const series = await waitFor(
      async () => {
        const result = await prometheus.query('warmline_stt_calls_active');
        return result.length > 0 ? result : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 250, describe: () => 'warmline_stt_calls_active' },
    );
    expect(series).toHaveLength(1);
    expect(series[0]?.metric).toMatchObject({
      __name__: 'warmline_stt_calls_active',
      job: 'warmline',
      instance: `127.0.0.1:${opsPort}`,
    });
    expect(series[0]?.value[1]).toBe('0');
  });
});
