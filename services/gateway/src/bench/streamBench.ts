import { fork } from 'node:child_process';
import { once } from 'node:events';
import { cpus } from 'node:os';
import path from 'node:path';
import { type Bus, connectBus, ensureStreams } from '@warmline/bus';
import { streams } from '@warmline/contracts';
import { CpuMeter, percentile, startNatsServer } from '@warmline/testing';
import { FakeCallControl } from '../testSupport/fakeCallControl';
import type { BenchReply, GatewayWindow } from './benchProtocol';
import { machineLoad, printStep, printSummary, type Step, stepPasses } from './benchReport';
import { CallerFleet } from './callerFleet';

const DEFAULT_LEVELS = [10, 25, 40, 50, 60, 75, 100, 150, 200, 300, 400];
const LEVELS =
  process.env['BENCH_STEPS']
    ?.split(',')
    .map(Number)
    .filter((n) => n > 0) ?? DEFAULT_LEVELS;
const SETTLE_MS = 2_000;
const WINDOW_MS = 4_000;
const WINDOWS = 3;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
  const profile = process.env['BENCH_PROFILE_DIR'];
  const gateway = fork(path.join(__dirname, 'gatewayProcess.js'), [natsUrl, pacing], {
    stdio: 'inherit',
    execArgv: [
      ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
      ...(process.env['BENCH_GATEWAY_NODE_ARGS']?.split(' ').filter(Boolean) ?? []),
    ],
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
  const fleet = new CallerFleet(port, bus, callControl);
  const cpu = new CpuMeter({ rig: process.pid, nats: natsPid });
  const steps: Step[] = [];
  fleet.start();
  try {
    for (const level of LEVELS.slice(0, maxLevels)) {
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
        pacing,
        streams: level,
        windows,
        arrivalP99: percentile(fleet.arrivalJitter.take(), 99),
        failures: fleet.failures,
        machineLoad: machineLoad(),
        otherCpu: cpu.read(),
      };
      steps.push(step);
      printStep(step);
      if (!stepPasses(step)) break;
    }
  } finally {
    await fleet.stop();
    gateway.send({ kind: 'stop' });
    await once(gateway, 'exit');
  }
  return steps;
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
