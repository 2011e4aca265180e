import { loadavg } from 'node:os';
import type { GatewayWindow } from './benchProtocol';

/** The p99 bound the benchmark looks for, ms. */
export const JITTER_BOUND_MS = 5;

/** One load step: its windows and what the callers saw. */
export interface Step {
  readonly pacing: string;
  readonly streams: number;
  readonly windows: readonly GatewayWindow[];
  readonly arrivalP99: number;
  readonly failures: number;
  /** 1-minute load average of the machine at the end of the step. */
  readonly machineLoad: number;
  /** Share of a core used by the rest of the rig (callers and agent in this process; nats-server). */
  readonly otherCpu: Readonly<Record<string, number>>;
}

const fmt = (n: number, digits = 2): string => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The step's p99 jitter: the median over its windows (one noisy window on a shared machine does not decide). */
export const stepP99 = (step: Step): number => median(step.windows.map((w) => w.jitterP99));

/** CPU the gateway process used in the step, as a share of one core. */
export const stepCpu = (step: Step): number =>
  step.windows.reduce((n, w) => n + w.cpuMs, 0) / step.windows.reduce((n, w) => n + w.elapsedMs, 0);

/** Whether the step kept the bound with no dropped call. */
export const stepPasses = (step: Step): boolean =>
  stepP99(step) < JITTER_BOUND_MS && step.failures === 0;

/** One line per step. */
export const printStep = (step: Step): void => {
  const w = step.windows;
  const frames =
    w.reduce((n, x) => n + x.frames, 0) / (w.reduce((n, x) => n + x.elapsedMs, 0) / 1000);
  console.log(
    `${step.pacing.padEnd(15)} ${String(step.streams).padStart(4)} streams  ` +
      `jitter p50 ${fmt(median(w.map((x) => x.jitterP50)))} p99 ${fmt(stepP99(step))} (windows ${w.map((x) => fmt(x.jitterP99, 1)).join('/')}) ` +
      `max ${fmt(Math.max(...w.map((x) => x.jitterMax)))} ms  cpu ${fmt(100 * stepCpu(step), 1)}%  ` +
      `loop ${fmt(100 * median(w.map((x) => x.eventLoopUtilization)), 0)}%  frames/s ${fmt(frames, 0)}  ` +
      `gc longest ${fmt(Math.max(...w.map((x) => x.gcLongestMs)), 1)} ms  ` +
      `at callers p99 ${fmt(step.arrivalP99)} ms  dropped ${step.failures}  ` +
      `rig cpu ${Object.entries(step.otherCpu)
        .map(([k, v]) => `${k} ${fmt(100 * v, 0)}%`)
        .join(' ')}  load ${fmt(step.machineLoad, 1)}`,
  );
};

/** Current 1-minute load average. */
export const machineLoad = (): number => loadavg()[0] ?? NaN;

/**
 * The highest step under the bound, its CPU per call, and the marginal CPU
 * of one more stream (least-squares slope of CPU over the steps).
 */
export const printSummary = (steps: readonly Step[]): void => {
  const passing = steps.filter(stepPasses);
  const best = passing.at(-1);
  const n = steps.length;
  const mx = steps.reduce((s, x) => s + x.streams, 0) / n;
  const my = steps.reduce((s, x) => s + stepCpu(x), 0) / n;
  const slope =
    steps.reduce((s, x) => s + (x.streams - mx) * (stepCpu(x) - my), 0) /
    steps.reduce((s, x) => s + (x.streams - mx) ** 2, 0);
  const marginal =
    n >= 2
      ? `; one more stream costs ${fmt(slope * 1000)} ms CPU/s (${fmt(slope * 100, 2)}% of a core)`
      : '';
  if (!best) {
    console.log(
      `  ${steps[0]?.pacing ?? ''}: no step kept p99 jitter under ${JITTER_BOUND_MS} ms${marginal}`,
    );
    return;
  }
  const perCall = (stepCpu(best) * 1000) / best.streams;
  console.log(
    `  ${best.pacing}: ${best.streams} concurrent streams with p99 outbound jitter ${fmt(stepP99(best))} ms (< ${JITTER_BOUND_MS} ms)` +
      `${best === steps.at(-1) ? ' (the highest step tried)' : ''}; at that load the gateway process uses ${fmt(stepCpu(best) * 100, 1)}% of a core, ` +
      `${fmt(perCall)} ms CPU/s per call${marginal}`,
  );
};
