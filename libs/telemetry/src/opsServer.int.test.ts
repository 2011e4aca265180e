import { initTelemetry, type Telemetry } from './initTelemetry';

const get = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: (await response.text()) || '' };
};

describe('ops server: /healthz, /readyz, /metrics on one port', () => {
  let telemetry: Telemetry;
  let base: string;
  let natsConnected = true;

  beforeAll(async () => {
    telemetry = await initTelemetry({ serviceName: 'ops-test', metricsPort: 0 });
    base = telemetry.opsUrl ?? '';
  });
  afterAll(() => telemetry.shutdown());

  it('serves all three on the metrics port, on loopback by default', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
    expect(telemetry.metricsUrl).toBe(`${base}/metrics`);
  });

  it('/healthz answers 200 from the start', async () => {
    expect(await get(`${base}/healthz`)).toEqual({ status: 200, body: '{"status":"alive"}' });
  });

  it('/readyz is 503 "starting" until the service declares itself ready', async () => {
    const { status, body } = await get(`${base}/readyz`);
    expect(status).toBe(503);
    expect(JSON.parse(body)).toEqual({ ready: false, status: 'starting', checks: {} });
  });

  it('/readyz follows the declared checks, naming the failing one', async () => {
    telemetry.readiness.ready({ nats: () => natsConnected, streams: async () => true });
    const ready = await get(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({
      ready: true,
      status: 'ready',
      checks: { nats: true, streams: true },
    });

    natsConnected = false;
    const notReady = await get(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(JSON.parse(notReady.body)).toMatchObject({
      status: 'not-ready',
      checks: { nats: false },
    });
  });

  it('a check that throws counts as not ready', async () => {
    telemetry.readiness.ready({
      mongo: () => {
        throw new Error('unreachable');
      },
    });
    const { status, body } = await get(`${base}/readyz`);
    expect(status).toBe(503);
    expect(JSON.parse(body)).toMatchObject({ checks: { mongo: false } });
  });

  it('/readyz fails once draining, while /healthz still passes', async () => {
    natsConnected = true;
    telemetry.readiness.ready({ nats: () => natsConnected });
    expect((await get(`${base}/readyz`)).status).toBe(200);
    telemetry.readiness.draining();
    const draining = await get(`${base}/readyz`);
    expect(draining.status).toBe(503);
    expect(JSON.parse(draining.body)).toMatchObject({ status: 'draining' });
    expect((await get(`${base}/healthz`)).status).toBe(200);
  });

  it('refuses other methods and paths', async () => {
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
    expect((await get(`${base}/other`)).status).toBe(404);
  });
});

describe('ops server host', () => {
  it('binds the host it is given (0.0.0.0 in pods), reachable on loopback', async () => {
    const telemetry = await initTelemetry({
      serviceName: 'ops-host-test',
      metricsPort: 0,
      metricsHost: '0.0.0.0',
    });
    try {
      expect(telemetry.opsUrl).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
      const port = new URL(telemetry.opsUrl ?? '').port;
      expect((await get(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      await telemetry.shutdown();
    }
  });

  it('without metricsPort there is no server and no URL, but readiness still exists', async () => {
    const telemetry = await initTelemetry({ serviceName: 'no-ops' });
    expect(telemetry.opsUrl).toBeUndefined();
    expect(telemetry.metricsUrl).toBeUndefined();
    expect(telemetry.readiness).toBeDefined();
    await telemetry.shutdown();
  });
});
