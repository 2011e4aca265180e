import { fork } from 'node:child_process';
import { once } from 'node:events';
import { cpus } from 'node:os';
import path from 'node:path';
import { connectBus, ensureStreams } from '@warmline/bus';
import { streams } from '@warmline/contracts';
import { CpuMeter, percentile, startNatsServer } from '@warmline/testing';
import { FakeCallControl } from '../testSupport/fakeCallControl';
import type { BenchReply, GatewayWindow } from './benchProtocol';
import {
  JITTER_BOUND_MS,
  machineLoad,
  printStep,
  type Step,
  stepCpu,
  stepP99,
} from './benchReport';
import { SipLoadFleet } from './sipLoadFleet';

const DEFAULT_LEVELS = [10, 25, 40, 50, 60, 75, 100, 150, 200];
const LEVELS =
  process.env['BENCH_STEPS']
    ?.split(',')
    .map(Number)
    .filter((n) => n > 0) ?? DEFAULT_LEVELS;
const SETTLE_MS = 2_000;
const WINDOW_MS = 4_000;
const WINDOWS = 3;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fmt = (n: number, digits = 2): string => (Number.isFinite(n) ? n.toFixed(digits) : '-');

/** A step passes when the RTP inter-arrival p99 at the callers stays under the bound and no call dropped. */
const passes = (step: Step): boolean => step.arrivalP99 < JITTER_BOUND_MS && step.failures === 0;

/**
 * How many concurrent SIP calls (RTP both ways: 50 PCMU packets/s in, 50 paced packets/s out
 * from 16 kHz agent audio) one gateway process carries with the p99 inter-arrival jitter of
 * its outbound RTP under 5 ms, and the CPU each call costs. The gateway runs alone in a child
 * process; this process is the SIP/RTP load generator, the agent and the test call-control.
 */
const main = async (): Promise<void> => {
  console.log(
    `gateway SIP benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; Node ${process.version}`,
  );
  console.log(
    'each call: SIP INVITE/200/ACK over UDP, PCMU RTP both ways, 16 kHz agent audio kept 300 ms ahead',
  );
  const nats = await startNatsServer();
  const steps: Step[] = [];
  try {
    const bus = await connectBus({ servers: nats.url, name: 'sip-bench' });
    await ensureStreams(bus, [streams.gatewaySignals, streams.callEvents], { storage: 'memory' });
    const callControl = await FakeCallControl.start(bus, { durable: 'sip_bench_call_control' });
    const gateway = fork(path.join(__dirname, 'sipGatewayProcess.js'), [nats.url], {
      execArgv: process.env['BENCH_GATEWAY_NODE_ARGS']?.split(' ').filter(Boolean) ?? [],
      stdio: 'inherit',
    });
    const replies: BenchReply[] = [];
    gateway.on('message', (message: BenchReply) => replies.push(message));
    const next = async <K extends BenchReply['kind']>(
      kind: K,
    ): Promise<Extract<BenchReply, { kind: K }>> => {
      for (;;) {
        const index = replies.findIndex((r) => r.kind === kind);
        if (index >= 0) return replies.splice(index, 1)[0] as Extract<BenchReply, { kind: K }>;
        await sleep(20);
      }
    };
    const { port } = await next('ready');
    const fleet = await SipLoadFleet.open(port, bus, callControl);
    const cpu = new CpuMeter({ rig: process.pid, nats: nats.pid });
    fleet.start();
    try {
      for (const level of LEVELS) {
        await fleet.growTo(level);
        await sleep(SETTLE_MS);
        fleet.arrivalJitter.take();
        gateway.send({ kind: 'report' });
        await next('window');
        cpu.reset();
        const windows: GatewayWindow[] = [];
        for (let w = 0; w < WINDOWS; w++) {
          await sleep(WINDOW_MS);
          gateway.send({ kind: 'report' });
          windows.push(await next('window'));
        }
        const step: Step = {
          pacing: 'sip-rtp',
          streams: level,
          windows,
          arrivalP99: percentile(fleet.arrivalJitter.take(), 99),
          failures: fleet.failures,
          machineLoad: machineLoad(),
          otherCpu: cpu.read(),
        };
        steps.push(step);
        printStep(step);
        if (!passes(step) && !process.argv.includes('--all-steps')) break;
      }
    } finally {
      await fleet.stop();
      gateway.send({ kind: 'stop' });
      await once(gateway, 'exit');
      await callControl.stop();
      await bus.close();
    }
  } finally {
    await nats.stop();
  }
  // the highest passing step (without --all-steps the ramp stops at the first failing one)
  const best = steps.filter(passes).at(-1);
  console.log('\nsummary');
  if (steps.length >= 2) {
    const n = steps.length;
    const mx = steps.reduce((sum, x) => sum + x.streams, 0) / n;
    const my = steps.reduce((sum, x) => sum + stepCpu(x), 0) / n;
    const slope =
      steps.reduce((sum, x) => sum + (x.streams - mx) * (stepCpu(x) - my), 0) /
      steps.reduce((sum, x) => sum + (x.streams - mx) ** 2, 0);
    console.log(
      `  one more call costs ${fmt(slope * 1000)} ms CPU/s (${fmt(slope * 100)}% of a core), fitted over ${n} steps`,
    );
  }
  if (!best) {
    console.log(`  no step kept the RTP inter-arrival p99 under ${JITTER_BOUND_MS} ms`);
    return;
  }
  console.log(
    `  ${best.streams} concurrent SIP calls with outbound RTP inter-arrival p99 ${fmt(best.arrivalP99)} ms at the callers ` +
      `(gateway send lateness p99 ${fmt(stepP99(best))} ms); gateway CPU ${fmt(100 * stepCpu(best), 1)}% of a core, ` +
      `${fmt((stepCpu(best) * 1000) / best.streams)} ms CPU/s per call` +
      `${best === steps.at(-1) ? ' (the highest step tried)' : ''}`,
  );
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
