import { cpus } from 'node:os';
import { connectBus, ensureStreams } from '@warmline/bus';
import { streams } from '@warmline/contracts';
import { CpuMeter, startNatsServer } from '@warmline/testing';
import { FakeCallControl } from '../testSupport/fakeCallControl';
import { BenchGateway, benchLevels } from './benchGateway';
import { rampSteps } from './benchRamp';
import { JITTER_BOUND_MS, type Step, stepCpu, stepP99 } from './benchReport';
import { SipLoadFleet } from './sipLoadFleet';

const DEFAULT_LEVELS = [10, 25, 40, 50, 60, 75, 100, 150, 200];
const LEVELS = benchLevels(DEFAULT_LEVELS);
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
    const gateway = await BenchGateway.fork(nats.url, 'sip');
    const fleet = await SipLoadFleet.open(gateway.port, bus, callControl);
    const cpu = new CpuMeter({ rig: process.pid, nats: nats.pid });
    fleet.start();
    try {
      const ramp = await rampSteps({
        gateway,
        fleet,
        cpu,
        levels: LEVELS,
        pacing: 'sip-rtp',
        passes: (step) => passes(step) || process.argv.includes('--all-steps'),
      });
      steps.push(...ramp);
    } finally {
      await fleet.stop();
      await gateway.stop();
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
