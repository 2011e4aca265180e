import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { initTelemetry, type Telemetry } from './initTelemetry';
import { createCounter, createHistogram } from './metrics';
import { MetricsServerError } from './telemetryErrors';

describe('Prometheus /metrics', () => {
  let telemetry: Telemetry;
  let metricsUrl: string;

  beforeAll(async () => {
    telemetry = await initTelemetry({ serviceName: 'metrics-test', metricsPort: 0 });
    metricsUrl = telemetry.metricsUrl ?? '';
  });
  afterAll(() => telemetry.shutdown());

  it('listens on loopback, on the port the OS picked', () => {
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*\/metrics$/);
  });

  it('serves counters and histograms in Prometheus text', async () => {
    const turns = createCounter(telemetry.meter, 'warmline_turns', '{turn}', 'Turns handled');
    const latency = createHistogram(
      telemetry.meter,
      'warmline_turn_latency',
      'ms',
      'Platform time per turn',
      [5, 50, 500],
    );
    turns.add(2, { 'warmline.stage': 'stt' });
    turns.add(1, { 'warmline.stage': 'stt' });
    latency.record(12);

    const response = await fetch(metricsUrl);
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(text).toContain('# HELP warmline_turns_total Turns handled');
    expect(text).toMatch(/^warmline_turns_total\{[^}]*warmline_stage="stt"[^}]*\} 3$/m);
    expect(text).toMatch(/^warmline_turn_latency_bucket\{[^}]*le="50"[^}]*\} 1$/m);
  });

  it('answers 404 elsewhere', async () => {
    const response = await fetch(metricsUrl.replace('/metrics', '/other'));
    expect(response.status).toBe(404);
  });
});

describe('metricsPort already taken', () => {
  it('fails with MetricsServerError', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const { port } = squatter.address() as AddressInfo;
    try {
      await expect(
        initTelemetry({ serviceName: 'metrics-test', metricsPort: port }),
      ).rejects.toEqual(expect.objectContaining({ name: 'MetricsServerError', port }));
      await expect(
        initTelemetry({ serviceName: 'metrics-test', metricsPort: port }),
      ).rejects.toBeInstanceOf(MetricsServerError);
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });
});

describe('after shutdown', () => {
  it('the metrics endpoint is closed', async () => {
    const stopped = await initTelemetry({ serviceName: 'metrics-test', metricsPort: 0 });
    const url = stopped.metricsUrl ?? '';
    expect((await fetch(url)).status).toBe(200);
    await stopped.shutdown();
    await expect(fetch(url)).rejects.toThrow();
  });
});
