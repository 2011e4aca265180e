import { performance, PerformanceObserver } from 'node:perf_hooks';
import { connectBus } from '@warmline/bus';
import { createLogger } from '@warmline/telemetry';
import { percentile, Reservoir } from '@warmline/testing';
import { createApp } from '../app';
import type { SipSettings } from '../sipCalls/sipSettings';
import { testGatewayConfig } from '../testSupport/testGatewayConfig';
import { type BenchMode, type BenchReply, type BenchRequest } from './benchProtocol';

/** SIP on (UDP only, RTP on any free port), one route for the load generator's calls. */
const SIP_SETTINGS: SipSettings = {
  host: '127.0.0.1',
  port: 0,
  transports: ['UDP'],
  publicAddress: '127.0.0.1',
  rtpPorts: { min: 0, max: 0 },
  rtpLatching: false,
  routes: [{ user: 'agent', connectorId: 'connector-bench', transferDestinations: [] }],
};

/**
 * The gateway under load, alone in its process so its CPU can be measured. Argv: NATS URL,
 * mode (`shared-clock` or `per-call-timer` for carrier streams, `sip` for SIP calls on the
 * shared clock). Replies `ready` with the port the load connects to (HTTP or SIP), then one
 * `window` per `report`.
 */
const main = async (): Promise<void> => {
  const [natsUrl = '', modeArg = 'shared-clock'] = process.argv.slice(2);
  const mode: BenchMode =
    modeArg === 'sip' || modeArg === 'per-call-timer' ? modeArg : 'shared-clock';
  const sip = mode === 'sip';
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
  const gatewayId = sip ? 'gateway-sip-bench' : 'gateway-bench';
  const bus = await connectBus({ servers: natsUrl, name: gatewayId });
  const app = createApp({
    bus,
    logger: createLogger({ service: 'gateway', level: 'silent' }),
    observer: { outboundFrame: (latenessMs) => jitter.add(Math.abs(latenessMs)) },
    config: testGatewayConfig({
      gatewayId,
      startTimeoutMs: 10_000,
      jitterDepthMs: 60,
      pacing: mode === 'per-call-timer' ? 'per-call-timer' : 'shared-clock',
      ...(sip ? { sip: SIP_SETTINGS } : {}),
    }),
  });
  const { port, sipPort = 0 } = await app.start();
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
      calls: sip ? app.stats.sipCalls : app.stats.calls,
      gcPauseMs,
      gcLongestMs: gcLongest,
    });
    gcPauseMs = 0;
    gcLongest = 0;
    since = now;
    cpu = process.cpuUsage();
    elu = performance.eventLoopUtilization();
  });
  send({ kind: 'ready', port: sip ? sipPort : port });
};

main().catch((error: unknown) => {
  process.stderr.write(`bench gateway failed: ${String(error)}\n`);
  process.exit(1);
});
