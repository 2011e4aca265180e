import { performance, PerformanceObserver } from 'node:perf_hooks';
import { connectBus } from '@warmline/bus';
import { createLogger } from '@warmline/telemetry';
import { percentile, Reservoir } from '@warmline/testing';
import { createApp } from '../app';
import { TEST_PUBLIC_BASE_URL } from '../testSupport/gatewayHarness';
import { testAccounts, testNumbers } from '../testSupport/testCarrierSettings';
import type { BenchReply, BenchRequest } from './benchProtocol';

/** The gateway under load, alone in its process so its CPU can be measured. Argv: NATS URL, pacing. */
const main = async (): Promise<void> => {
  const [natsUrl = '', pacing = 'shared-clock'] = process.argv.slice(2);
  const send = (reply: BenchReply): void => void process.send?.(reply);
  const jitter = new Reservoir();
  let gcPauseMs = 0;
  let gcLongest = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcPauseMs += entry.duration;
      gcLongest = Math.max(gcLongest, entry.duration);
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  const bus = await connectBus({ servers: natsUrl, name: 'gateway-bench' });
  const app = createApp({
    bus,
    logger: createLogger({ service: 'gateway', level: 'silent' }),
    observer: { outboundFrame: (latenessMs) => jitter.add(Math.abs(latenessMs)) },
    config: {
      gatewayId: 'gateway-bench',
      host: '127.0.0.1',
      port: 0,
      publicBaseUrl: TEST_PUBLIC_BASE_URL,
      accounts: testAccounts(),
      numbers: testNumbers,
      startTimeoutMs: 10_000,
      jitterDepthMs: 60,
      markEveryFrames: 5,
      pacing: pacing === 'per-call-timer' ? 'per-call-timer' : 'shared-clock',
    },
  });
  const { port } = await app.start();
  let since = performance.now();
  let cpu = process.cpuUsage();
  let elu = performance.eventLoopUtilization();

  process.once('disconnect', () => process.exit(1)); // the benchmark died: do not linger
  process.on('message', (message: BenchRequest) => {
    if (message.kind === 'stop') {
      void app
        .stop()
        .then(() => bus.close())
        .then(() => gc.disconnect())
        .then(() => process.exit(0));
      return;
    }
    const now = performance.now();
    const used = process.cpuUsage(cpu);
    const values = jitter.take();
    send({
      kind: 'window',
      elapsedMs: now - since,
      cpuMs: (used.user + used.system) / 1000,
      eventLoopUtilization: performance.eventLoopUtilization(elu).utilization,
      frames: values.length,
      jitterP50: percentile(values, 50),
      jitterP99: percentile(values, 99),
      jitterMax: percentile(values, 100),
      calls: app.stats.calls,
      gcPauseMs,
      gcLongestMs: gcLongest,
    });
    gcPauseMs = 0;
    gcLongest = 0;
    since = now;
    cpu = process.cpuUsage();
    elu = performance.eventLoopUtilization();
  });
  send({ kind: 'ready', port });
};

main().catch((error: unknown) => {
  process.stderr.write(`bench gateway failed: ${String(error)}\n`);
  process.exit(1);
});
