import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CallWatcher,
  DEFAULT_CARRIER_ACCOUNT,
  type LocalStack,
  type LocalStackOptions,
  startLocalStack,
  startLocalTwilioCarrier,
} from '@warmline/local-stack';
import { CpuMeter, percentile } from '@warmline/testing';
import { formatTable, type StackBenchReport, type StepReport, type Spread } from './benchReport';
import { type HandoffResult, runHandoffCall, runHandoffs } from './handoffRun';
import { freePort, latenessBetween, scrapeBuckets } from './gatewayLateness';
import { MachineMeter, machineInfo } from './machine';
import { spokenLine } from './speechFrames';
import { TurnFleet } from './turnFleet';

/** The p99 outbound jitter bound, ms. */
const JITTER_BOUND_MS = 5;
/** stt's end-of-turn silence (its default): a configured wait, subtracted from every turn. */
const END_OF_TURN_MS = 700;
/** How long the local carrier's callee line rings before answering: a configured wait. */
const CALLEE_RING_MS = 500;
const QUESTION = 'What are your opening hours?';
const HUMAN_REQUEST = 'I want to talk to a human please.';
const numberEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
/** Load steps (concurrent calls); 1, 50 and 200 are always run. */
const STEPS = (process.env.BENCH_STEPS ?? '1,25,50,100,200').split(',').map(Number);
const WINDOW_S = numberEnv('BENCH_WINDOW_S', 20);
const SETTLE_S = numberEnv('BENCH_SETTLE_S', 4);
const HANDOFFS = numberEnv('BENCH_HANDOFFS', 20);
const REAL_CALLS = numberEnv('BENCH_REAL_CALLS', 4);
const REAL_WINDOW_S = numberEnv('BENCH_REAL_WINDOW_S', 40);
/** Which parts to run (default all): instant, handoffs, real, real-handoffs. */
const PARTS = new Set(
  (process.env.BENCH_PARTS ?? 'instant,handoffs,real,real-handoffs')
    .split(',')
    .map((p) => p.trim()),
);
/** When set, every service is CPU-profiled (cpuProfile.cjs) and writes its profile here on stop. */
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF_DIR
  ? path.resolve(process.env.BENCH_CPU_PROF_DIR)
  : undefined;
const REPORT = path.resolve(process.env.BENCH_REPORT ?? path.join(__dirname, 'bench-report.json'));

const spread = (values: ArrayLike<number>): Spread => ({
  n: values.length,
  p50: percentile(values, 50),
  p99: percentile(values, 99),
  max: percentile(values, 100),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (text: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`);

const pidsOf = (stack: LocalStack): Record<string, number> => ({
  ...Object.fromEntries([...stack.services].map(([name, s]) => [name, s.pid])),
  ...(stack.nats ? { 'nats-server': stack.nats.pid } : {}),
  ...(stack.ferretDb ? { ferretdb: stack.ferretDb.pid } : {}),
  'bench (callers)': process.pid,
});

const SERVICES = [
  'call-control',
  'llm-decision',
  'tts',
  'stt',
  'orchestrator',
  'context-store',
  'gateway',
] as const;

/** `env` preloading the CPU profiler into every service when BENCH_CPU_PROF_DIR is set. */
const profiled = (env: LocalStackOptions['env']): LocalStackOptions['env'] => {
  if (!CPU_PROF_DIR) return env;
  mkdirSync(CPU_PROF_DIR, { recursive: true });
  return Object.fromEntries(
    SERVICES.map((name) => [
      name,
      {
        ...env?.[name],
        NODE_OPTIONS: `--require ${path.join(__dirname, 'cpuProfile.cjs')}`,
        WARMLINE_CPU_PROF_DIR: path.join(CPU_PROF_DIR, name),
      },
    ]),
  );
};

const instantEnv = (transcript: string): LocalStackOptions['env'] => ({
  stt: {
    STT_ENGINE: 'instant',
    STT_INSTANT_TRANSCRIPT: transcript,
    STT_MAX_CALLS: '1000',
    STT_END_OF_TURN_SILENCE: `${END_OF_TURN_MS}ms`,
  },
  tts: { TTS_ENGINE: 'instant', TTS_MAX_IN_FLIGHT: '1000' },
});

/** The stack running now, stopped on SIGINT/SIGTERM so that nothing is left behind. */
let running: LocalStack | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the stack`);
    void (running?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

const withStack = async <T>(
  options: LocalStackOptions,
  run: (stack: LocalStack) => Promise<T>,
): Promise<T> => {
  const tail: string[] = [];
  const stack = await startLocalStack({
    ...options,
    env: profiled(options.env),
    logs: (line) => {
      tail.push(line.formatted);
      if (tail.length > 40) tail.shift();
    },
  });
  running = stack;
  try {
    return await run(stack);
  } catch (error) {
    process.stderr.write(`${tail.join('\n')}\n`);
    throw error;
  } finally {
    running = undefined;
    await stack.stop();
  }
};

/** One load step: grow the fleet, let it settle, measure a window. */
const measureStep = async (
  fleet: TurnFleet,
  calls: number,
  windowS: number,
  pids: Record<string, number>,
  metricsUrl: string,
): Promise<StepReport> => {
  await fleet.growTo(calls);
  if (fleet.size < calls)
    log(
      `only ${fleet.size} of ${calls} calls up (${fleet.failedDials} dials failed; last: ${fleet.lastDialError})`,
    );
  await sleep(SETTLE_S * 1000);
  fleet.take();
  const cpu = new CpuMeter(pids);
  const machine = new MachineMeter();
  const latenessBefore = await scrapeBuckets(metricsUrl);
  await sleep(windowS * 1000);
  const window = fleet.take();
  const gatewayLatenessMs = latenessBetween(latenessBefore, await scrapeBuckets(metricsUrl));
  const cpuShares = cpu.read();
  const busy = machine.read();
  const ours = Object.values(cpuShares).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  const jitter = spread(window.jitterMs);
  return {
    calls,
    callsUp: fleet.size,
    windowS,
    overheadMs: spread(window.overheadMs),
    jitterMs: jitter,
    gatewayLatenessMs,
    turns: window.turns,
    strayTurns: window.stray,
    failedDials: fleet.failedDials,
    unanswered: window.unanswered,
    dropped: window.dropped,
    passes:
      jitter.p99 < JITTER_BOUND_MS &&
      window.dropped === 0 &&
      window.unanswered === 0 &&
      fleet.size === calls,
    cpuCores: cpuShares,
    machineBusyCores: busy,
    otherBusyCores: Math.max(0, busy - ours),
  };
};

const turnSteps = async (
  steps: readonly number[],
  windowS: number,
  env: LocalStackOptions['env'],
) => {
  const line = await spokenLine(QUESTION);
  const metricsPort = await freePort();
  const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  const withMetrics = {
    ...env,
    gateway: { ...env?.gateway, METRICS_PORT: String(metricsPort) },
  };
  return withStack({ env: withMetrics }, async (stack) => {
    const fleet = new TurnFleet(
      stack.gateway!.twilioStreamUrl,
      stack.carrier,
      line,
      END_OF_TURN_MS,
    );
    fleet.start();
    const pids = pidsOf(stack);
    const reports: StepReport[] = [];
    try {
      for (const calls of steps) {
        log(`${calls} concurrent calls…`);
        // one call takes few turns a window: give it a longer one
        const step = await measureStep(
          fleet,
          calls,
          calls === 1 ? Math.max(windowS, 30) : windowS,
          pids,
          metricsUrl,
        );
        reports.push(step);
        log(
          `${calls} calls: overhead p50 ${step.overheadMs.p50.toFixed(1)} p99 ${step.overheadMs.p99.toFixed(1)} ms (${step.turns} turns), ` +
            `jitter p99 ${step.jitterMs.p99.toFixed(2)} ms (n ${step.jitterMs.n}), gateway lateness p99 ≤ ${step.gatewayLatenessMs.p99AtMostMs} ms (n ${step.gatewayLatenessMs.n}), stray ${step.strayTurns}, unanswered ${step.unanswered}, dropped ${step.dropped}`,
        );
        const mustRun = [1, 50, 200].some((n) => n > calls && steps.includes(n));
        if (!step.passes && !mustRun) break;
      }
    } finally {
      await fleet.stop();
    }
    return { lineFrames: line.payloads.length, steps: reports };
  });
};

const handoffs = async (
  env: LocalStackOptions['env'],
  total: number,
  concurrency: number,
): Promise<HandoffResult[]> => {
  const carrier = await startLocalTwilioCarrier(DEFAULT_CARRIER_ACCOUNT);
  carrier.setCallee({ answer: 'answer', ringMs: CALLEE_RING_MS });
  try {
    return await withStack({ env, carrierApiBaseUrl: carrier.baseUrl }, async (stack) => {
      const watcher = await CallWatcher.start(stack.natsUrl);
      try {
        return await runHandoffs(total, concurrency, () =>
          runHandoffCall(carrier, stack.gateway!.twilioStreamUrl, watcher, HUMAN_REQUEST),
        );
      } finally {
        await watcher.close();
      }
    });
  } finally {
    await carrier.close();
  }
};

const handoffSummary = (results: readonly HandoffResult[]) => {
  const ok = results.flatMap((r) => (r.ok ? [r.times] : []));
  const delta = (pick: (t: (typeof ok)[number]) => number | undefined) =>
    spread(ok.flatMap((t) => (pick(t) === undefined ? [] : [pick(t)! - t.escalationAt])));
  return {
    calls: results.length,
    failed: results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error)),
    toTransitionAudioMs: delta((t) => t.transitionAudioAt),
    toTransitionPlayedMs: delta((t) => t.transitionPlayedAt),
    toCalleeDialedMs: delta((t) => t.dialAt),
    toCalleeAnsweredMs: delta((t) => t.connectedAt),
    toAgentGoneMs: delta((t) => t.agentGoneAt),
    // the transition line's playback (its audio length, paced in real time) is a configured wait
    transitionPlaybackMs: spread(
      ok.flatMap((t) =>
        t.transitionPlayedAt !== undefined && t.transitionAudioAt !== undefined
          ? [t.transitionPlayedAt - t.transitionAudioAt]
          : [],
      ),
    ),
    toAgentGoneLessWaitsMs: spread(
      ok.flatMap((t) =>
        t.agentGoneAt !== undefined &&
        t.transitionPlayedAt !== undefined &&
        t.transitionAudioAt !== undefined
          ? [
              t.agentGoneAt -
                t.escalationAt -
                (t.transitionPlayedAt - t.transitionAudioAt) -
                CALLEE_RING_MS,
            ]
          : [],
      ),
    ),
    toCalleeDialedLessPlaybackMs: spread(
      ok.flatMap((t) =>
        t.dialAt !== undefined &&
        t.transitionPlayedAt !== undefined &&
        t.transitionAudioAt !== undefined
          ? [t.dialAt - t.escalationAt - (t.transitionPlayedAt - t.transitionAudioAt)]
          : [],
      ),
    ),
  };
};

const main = async (): Promise<void> => {
  const started = Date.now();
  const machineAtStart = machineInfo();
  const idle = new MachineMeter();
  await sleep(2000);
  const busyBefore = idle.read();
  log(
    `machine: ${machineAtStart.cores} vCPU, load ${machineAtStart.loadAverage1m.toFixed(2)}, busy ${busyBefore.toFixed(2)} cores before the run`,
  );

  const skipped = { steps: [] as StepReport[], lineFrames: 0 };
  const none: HandoffResult[] = [];
  log('instant engines: overhead per turn and the jitter ramp');
  const instant = PARTS.has('instant')
    ? await turnSteps(STEPS, WINDOW_S, instantEnv(QUESTION))
    : skipped;
  log(`instant engines: ${HANDOFFS} handoffs, 5 at a time`);
  const instantHandoffs = handoffSummary(
    PARTS.has('handoffs') ? await handoffs(instantEnv(HUMAN_REQUEST), HANDOFFS, 5) : none,
  );
  log(`real engines (pocketsphinx, flite): ${REAL_CALLS} concurrent calls`);
  const real = PARTS.has('real')
    ? await turnSteps([REAL_CALLS], REAL_WINDOW_S, {
        stt: { STT_MAX_CALLS: String(REAL_CALLS), STT_END_OF_TURN_SILENCE: `${END_OF_TURN_MS}ms` },
      })
    : skipped;
  log('real engines: handoffs');
  const realHandoffs = handoffSummary(PARTS.has('real-handoffs') ? await handoffs({}, 4, 2) : none);

  const report: StackBenchReport = {
    at: new Date(started).toISOString(),
    durationS: (Date.now() - started) / 1000,
    machine: { ...machineAtStart, busyCoresBeforeRun: busyBefore },
    settings: {
      endOfTurnSilenceMs: END_OF_TURN_MS,
      jitterBoundMs: JITTER_BOUND_MS,
      windowS: WINDOW_S,
      callerLine: QUESTION,
      callerLineMs: instant.lineFrames * 20,
      humanRequest: HUMAN_REQUEST,
      calleeRingMs: CALLEE_RING_MS,
    },
    instant: { steps: instant.steps, handoff: instantHandoffs },
    real: { calls: REAL_CALLS, step: real.steps[0], handoff: realHandoffs },
  };
  mkdirSync(path.dirname(REPORT), { recursive: true });
  writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${formatTable(report)}\nJSON report: ${REPORT}\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(
    `stack bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
