import type { CallCommand } from '@warmline/contracts';
import type { CallView } from '../domain/callView';
import { localVerdict } from '../domain/commandRules';
import type { ReportedState } from '../domain/foldCallState';
import { reportFromResult } from '../domain/resultReport';
import {
  type CallCommandName,
  CallClosedError,
  CallCommandTimeoutError,
  WrongStateError,
} from '../errors/callErrors';
import { errorFromResult } from './commandErrors';
import { type CommandDeps, executeCommand } from './commandRunner';
import type { OutcomeSelector, OutcomeWaiter } from './outcomeWaiter';

/** The call a command acts on, as the command needs it. */
export interface CommandTarget {
  readonly callId: string;
  readonly view: CallView;
  /** Why the call no longer accepts commands in this process (detached), if so. */
  readonly releasedReason: string | undefined;
  watch(select: OutcomeSelector): OutcomeWaiter;
  unwatch(waiter: OutcomeWaiter): void;
  report(report: ReportedState): void;
  /** Refreshes the view from the platform (in the background). */
  resync(): void;
}

/** One command, as an ActiveCall method sends it. */
export interface CommandSpec {
  readonly name: CallCommandName;
  readonly payload: NonNullable<CallCommand['payload']>;
  /** Added to the command timeout (connect: its ring time). */
  readonly extraTimeoutMs?: number;
  /** For commands that complete later: the events that settle them. */
  readonly outcome?: OutcomeSelector;
  /** Whether the view after the result already shows the command completed. */
  readonly completed?: (view: CallView) => boolean;
}

/** Commands with what they need. */
export interface RunDeps {
  readonly commands: CommandDeps;
  readonly commandTimeoutMs: number;
}

function assertAllowed(target: CommandTarget, name: CallCommandName): void {
  if (target.releasedReason)
    throw new CallClosedError(`${name}: ${target.releasedReason}`, target.callId);
  const state = target.view.state;
  switch (localVerdict(state, name)) {
    case 'closed':
      throw new CallClosedError(`${name}: the call has ended`, target.callId);
    case 'wrong_state':
      throw new WrongStateError(target.callId, name, state);
    case 'ask':
      return;
  }
}

/**
 * Runs a command: refuses it locally when that is certain, sends it, folds the result into
 * the call, and for answer/connect waits for the outcome event, all within one timeout.
 */
export async function runCommand(
  target: CommandTarget,
  deps: RunDeps,
  spec: CommandSpec,
): Promise<void> {
  const { callId } = target;
  const { name, payload } = spec;
  assertAllowed(target, name);
  const timeoutMs = deps.commandTimeoutMs + (spec.extraTimeoutMs ?? 0);
  const deadline = Date.now() + timeoutMs;
  const waiter = spec.outcome ? target.watch(spec.outcome) : undefined;
  try {
    const stateBefore = target.view.state;
    const result = await executeCommand(deps.commands, { callId, name, payload, timeoutMs });
    if (!result.ok) {
      const error = errorFromResult(result, callId, name, timeoutMs);
      // An ending the result reports comes with its reason in the call's events: refresh.
      if (error instanceof CallClosedError) target.resync();
      else target.report(reportFromResult(result, name, stateBefore));
      throw error;
    }
    target.report(reportFromResult(result, name, stateBefore));
    if (!waiter || spec.completed?.(target.view)) return;
    const outcome = await waiter.wait(deadline - Date.now());
    if (!outcome) throw new CallCommandTimeoutError(callId, name, timeoutMs);
    if (outcome.kind === 'failed') throw outcome.error;
  } finally {
    if (waiter) target.unwatch(waiter);
  }
}
