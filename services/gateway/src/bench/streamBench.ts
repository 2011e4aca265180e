import { cpus } from 'node:os';
import { type Bus, connectBus, ensureStreams } from '@warmline/bus';
import { streams } from '@warmline/contracts';
import { CpuMeter, startNatsServer } from '@warmline/testing';
import { FakeCallControl } from '../testSupport/fakeCallControl';
import { BenchGateway, benchLevels } from './benchGateway';
import { rampSteps } from './benchRamp';
import { printSummary, type Step, stepPasses } from './benchReport';
import { CallerFleet } from './callerFleet';

const DEFAULT_LEVELS = [10, 25, 40, 50, 60, 75, 100, 150, 200, 300, 400];
const LEVELS = benchLevels(DEFAULT_LEVELS);

/**
 * How many concurrent carrier streams one gateway process carries with p99
 * outbound frame jitter under 5 ms, and the CPU each costs. The gateway runs
 * alone in a child process; this process plays nats clients, the callers
 * (Twilio protocol, one inbound frame per 20 ms each) and the agent (tts-like
 * audio, kept ahead). Load grows in steps until the bound is crossed.
 */
const runPacing = async (
  pacing: 'shared-clock' | 'per-call-timer',
  natsUrl: string,
  maxLevels: number,
  callControl: FakeCallControl,
  bus: Bus,
  natsPid: number,
): Promise<Step[]> => {
  const gateway = await BenchGateway.fork(natsUrl, pacing);
  const fleet = new CallerFleet(gateway.port, bus, callControl);
  const cpu = new CpuMeter({ rig: process.pid, nats: natsPid });
  fleet.start();
  try {
    return await rampSteps({
      gateway,
      fleet,
      cpu,
      levels: LEVELS.slice(0, maxLevels),
      pacing,
      passes: stepPasses,
    });
  } finally {
    await fleet.stop();
    await gateway.stop();
  }
};

const main = async (): Promise<void> => {
  const modes = process.argv.includes('--per-call-timer-only')
    ? (['per-call-timer'] as const)
    : process.argv.includes('--shared-clock-only')
      ? (['shared-clock'] as const)
      : (['shared-clock', 'per-call-timer'] as const);
  const maxLevels = Number(process.env['BENCH_LEVELS'] ?? LEVELS.length);
  console.log(
    `gateway stream benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; Node ${process.version}`,
  );
  console.log(
    `each stream: Twilio Media Streams, 50 inbound μ-law frames/s to the bus, 50 outbound frames/s paced from 16 kHz agent audio, a mark every 100 ms`,
  );
  const nats = await startNatsServer();
  try {
    const bus = await connectBus({ servers: nats.url, name: 'bench' });
    await ensureStreams(bus, [streams.gatewaySignals, streams.callEvents], { storage: 'memory' });
    const callControl = await FakeCallControl.start(bus, { durable: 'bench_call_control' });
    const results: Step[][] = [];
    for (const pacing of modes)
      results.push(await runPacing(pacing, nats.url, maxLevels, callControl, bus, nats.pid));
    await callControl.stop();
    await bus.close();
    console.log('\nsummary');
    for (const steps of results) printSummary(steps);
  } finally {
    await nats.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
