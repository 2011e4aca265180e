import type { GatewayLateness } from './gatewayLateness';

/** Percentiles of one measurement, ms. */
export interface Spread {
  readonly n: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** One load step of the turn fleet. */
export interface StepReport {
  readonly calls: number;
  /** Calls actually up in the window (dials can fail under load). */
  readonly callsUp: number;
  /** Dials that failed so far in the run. */
  readonly failedDials: number;
  readonly windowS: number;
  /** Last caller frame sent → first agent frame received, minus the end-of-turn silence. */
  readonly overheadMs: Spread;
  /** |inter-arrival − 20 ms| of agent frames at the callers. */
  readonly jitterMs: Spread;
  /** The gateway's own outbound pacing lateness (its histogram, scraped around the window). */
  readonly gatewayLatenessMs: GatewayLateness;
  readonly turns: number;
  /** Turns not counted: agent audio came before stt could have ended the turn. */
  readonly strayTurns: number;
  readonly unanswered: number;
  readonly dropped: number;
  /** p99 jitter under the bound, no call dropped, every turn answered. */
  readonly passes: boolean;
  /** Share of a core per process of the stack (and the bench's own callers). */
  readonly cpuCores: Readonly<Record<string, number>>;
  /** Cores busy on the whole machine in the window, and the part not ours (other work). */
  readonly machineBusyCores: number;
  readonly otherBusyCores: number;
}

/** Times from EscalationRequested to each later step of the handoff. */
export interface HandoffSummary {
  readonly calls: number;
  readonly failed: readonly string[];
  /** To the transition line's first audio frame out of tts (context saved, line synthesised). */
  readonly toTransitionAudioMs: Spread;
  readonly toTransitionPlayedMs: Spread;
  /** The transition line's playback: a configured wait (its audio, paced in real time). */
  readonly transitionPlaybackMs: Spread;
  /** Escalation → Dial, less the transition line's playback: the platform's own part. */
  readonly toCalleeDialedLessPlaybackMs: Spread;
  /** Escalation → agent gone, less the transition line's playback and the callee's ring time. */
  readonly toAgentGoneLessWaitsMs: Spread;
  readonly toCalleeDialedMs: Spread;
  readonly toCalleeAnsweredMs: Spread;
  readonly toAgentGoneMs: Spread;
}

/** The JSON report. */
export interface StackBenchReport {
  readonly at: string;
  readonly durationS: number;
  readonly machine: {
    readonly cores: number;
    readonly model: string;
    readonly loadAverage1m: number;
    readonly node: string;
    readonly busyCoresBeforeRun: number;
  };
  readonly settings: {
    readonly endOfTurnSilenceMs: number;
    readonly jitterBoundMs: number;
    readonly windowS: number;
    readonly callerLine: string;
    readonly callerLineMs: number;
    readonly humanRequest: string;
    readonly calleeRingMs: number;
  };
  readonly instant: { readonly steps: readonly StepReport[]; readonly handoff: HandoffSummary };
  readonly real: {
    readonly calls: number;
    /** Absent when the part was not run (BENCH_PARTS). */
    readonly step: StepReport | undefined;
    readonly handoff: HandoffSummary;
  };
}

const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : '-');
const p = (s: Spread): string => `p50 ${ms(s.p50)} / p99 ${ms(s.p99)} ms (n ${s.n})`;

/** The highest step that kept the bound, and the first one above it that did not. */
export const maxCarried = (steps: readonly StepReport[]) => {
  const sorted = [...steps].sort((a, b) => a.calls - b.calls);
  const firstFail = sorted.find((s) => !s.passes);
  const best = sorted.filter((s) => s.passes && (!firstFail || s.calls < firstFail.calls)).at(-1);
  return { best, firstFail };
};

/** The short Markdown table, then one line per step. */
export const formatTable = (r: StackBenchReport): string => {
  const at = (calls: number) => r.instant.steps.find((s) => s.calls === calls);
  const { best, firstFail } = maxCarried(r.instant.steps);
  const rows: [string, string][] = [];
  for (const calls of [1, 50, 200]) {
    const step = at(calls);
    rows.push([
      `Platform overhead per turn, instant engines, ${calls} concurrent call${calls === 1 ? '' : 's'}`,
      step
        ? `${p(step.overheadMs)}; unanswered ${step.unanswered}, dropped ${step.dropped}`
        : 'not run',
    ]);
  }
  rows.push([
    `Max concurrent calls, p99 outbound jitter < ${r.settings.jitterBoundMs} ms (at the callers)`,
    best
      ? `${best.calls} (p99 ${ms(best.jitterMs.p99)} ms)` +
        (firstFail
          ? `; ${firstFail.calls}: p99 ${ms(firstFail.jitterMs.p99)} ms, unanswered ${firstFail.unanswered}, dropped ${firstFail.dropped}`
          : '; the highest step tried')
      : `none of the steps (${r.instant.steps.map((s) => `${s.calls}: ${ms(s.jitterMs.p99)} ms`).join(', ')})`,
  ]);
  const carried = [...r.instant.steps]
    .sort((a, b) => a.calls - b.calls)
    .filter((s) => s.callsUp === s.calls && s.unanswered === 0 && s.dropped === 0)
    .at(-1);
  rows.push([
    'Max concurrent calls carried at all (every call up, every turn answered, none dropped; jitter aside)',
    carried ? `${carried.calls} (overhead p50 ${ms(carried.overheadMs.p50)} ms)` : 'none',
  ]);
  const h = r.instant.handoff;
  rows.push([
    'Handoff, escalation → callee leg placed (Dial at the carrier), instant engines',
    `${p(h.toCalleeDialedMs)}; less the transition line's playback (a configured wait): ${p(h.toCalleeDialedLessPlaybackMs)}`,
  ]);
  rows.push([
    `Handoff, escalation → agent gone (CallTerminated; includes ${r.settings.calleeRingMs} ms ring)`,
    `${p(h.toAgentGoneMs)}; less playback and ring: ${p(h.toAgentGoneLessWaitsMs)}; failed ${h.failed.length}/${h.calls}`,
  ]);
  rows.push([
    `Platform overhead per turn, real engines (pocketsphinx, flite), ${r.real.calls} concurrent calls`,
    r.real.step ? `${p(r.real.step.overheadMs)}; unanswered ${r.real.step.unanswered}` : 'not run',
  ]);
  const rh = r.real.handoff;
  rows.push([
    'Handoff with real engines, escalation → callee leg placed / → agent gone',
    `${ms(rh.toCalleeDialedMs.p50)} / ${ms(rh.toAgentGoneMs.p50)} ms p50; less the transition line's playback ${ms(rh.toCalleeDialedLessPlaybackMs.p50)} ms (n ${rh.toAgentGoneMs.n}, failed ${rh.failed.length}/${rh.calls})`,
  ]);
  const table = [
    '| what | figure |',
    '|---|---|',
    ...rows.map(([what, figure]) => `| ${what} | ${figure} |`),
  ].join('\n');
  const steps = r.instant.steps
    .map(
      (s) =>
        `  ${String(s.calls).padStart(4)} calls: overhead ${p(s.overheadMs)}, jitter p50 ${ms(s.jitterMs.p50)} p99 ${ms(s.jitterMs.p99)} max ${ms(s.jitterMs.max)} ms, ` +
        `gateway lateness p50 ≤ ${s.gatewayLatenessMs.p50AtMostMs} p99 ≤ ${s.gatewayLatenessMs.p99AtMostMs} ms (n ${s.gatewayLatenessMs.n}), ` +
        `turns ${s.turns} (+${s.strayTurns} stray), up ${s.callsUp}, unanswered ${s.unanswered}, dropped ${s.dropped}, cpu ${Object.entries(
          s.cpuCores,
        )
          .map(([k, v]) => `${k} ${Math.round(100 * v)}%`)
          .join(
            ' ',
          )}, machine busy ${s.machineBusyCores.toFixed(2)} cores (others ${s.otherBusyCores.toFixed(2)})`,
    )
    .join('\n');
  return [
    `Whole stack on ${r.machine.cores} vCPU (${r.machine.model}), load average ${r.machine.loadAverage1m.toFixed(2)} at start, ` +
      `${r.machine.busyCoresBeforeRun.toFixed(2)} cores busy before the run; ${r.durationS.toFixed(0)} s.`,
    `Overhead = last caller speech frame sent → first agent frame received, minus stt's ${r.settings.endOfTurnSilenceMs} ms end-of-turn silence (a configured wait, not overhead).`,
    `Handoff (instant engines), from EscalationRequested: → transition line's first audio ${p(h.toTransitionAudioMs)}; ` +
      `its playback (configured wait) ${p(h.transitionPlaybackMs)}; → played ${p(h.toTransitionPlayedMs)}; ` +
      `→ callee answered ${p(h.toCalleeAnsweredMs)}.`,
    '',
    table,
    '',
    'Steps (instant engines):',
    steps,
    r.real.step
      ? `  real engines, ${r.real.calls} calls: jitter p99 ${ms(r.real.step.jitterMs.p99)} ms, turns ${r.real.step.turns}`
      : '  real engines: not run',
    ...(h.failed.length + rh.failed.length > 0
      ? ['Failed handoffs:', ...[...h.failed, ...rh.failed].map((e) => `  ${e}`)]
      : []),
  ].join('\n');
};
