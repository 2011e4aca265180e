import { type CpuMeter, percentile, type Reservoir } from '@warmline/testing';
import type { BenchGateway } from './benchGateway';
import type { GatewayWindow } from './benchProtocol';
import { machineLoad, printStep, type Step } from './benchReport';

const SETTLE_MS = 2_000;
const WINDOW_MS = 4_000;
const WINDOWS = 3;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a benchmark's load generator offers the ramp (carrier callers or SIP calls). */
export interface LoadFleet {
  growTo(target: number): Promise<void>;
  /** |inter-arrival − 20 ms| of the gateway's frames at the callers, ms. */
  readonly arrivalJitter: Reservoir;
  /** Calls that ended before the benchmark hung them up. */
  readonly failures: number;
}

export interface RampOptions {
  readonly gateway: BenchGateway;
  readonly fleet: LoadFleet;
  /** CPU of the rest of the rig (this process, nats-server). */
  readonly cpu: CpuMeter;
  readonly levels: readonly number[];
  /** The step's label (`shared-clock`, `per-call-timer`, `sip-rtp`). */
  readonly pacing: string;
  /** Whether to go on to the next step; the ramp stops after the first step that does not pass. */
  readonly passes: (step: Step) => boolean;
}

/**
 * Grows the load step by step; each step settles, then is measured over three windows
 * (the gateway's own figures and what the callers saw) and printed.
 */
export const rampSteps = async (options: RampOptions): Promise<Step[]> => {
  const { gateway, fleet, cpu } = options;
  const steps: Step[] = [];
  for (const level of options.levels) {
    await fleet.growTo(level);
    await sleep(SETTLE_MS);
    fleet.arrivalJitter.take();
    await gateway.report(); // starts the first window
    cpu.reset();
    const windows: GatewayWindow[] = [];
    for (let w = 0; w < WINDOWS; w++) {
      await sleep(WINDOW_MS);
      windows.push(await gateway.report());
    }
    const step: Step = {
      pacing: options.pacing,
      streams: level,
      windows,
      arrivalP99: percentile(fleet.arrivalJitter.take(), 99),
      failures: fleet.failures,
      machineLoad: machineLoad(),
      otherCpu: cpu.read(),
    };
    steps.push(step);
    printStep(step);
    if (!options.passes(step)) break;
  }
  return steps;
};
