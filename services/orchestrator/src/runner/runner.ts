import type { AgentSessionInput } from '../domain/agentSession';
import type { EscalationInput } from '../domain/escalation';
import { KeyedQueue } from '@warmline/bus';
import { runSagaInput } from './runSagaInput';
import { type SessionRunDeps, runSessionInput } from './runSessionInput';

/** One piece of work an inbound message asks for: an input for one of the two workflows. */
export type Work =
  | { readonly workflow: 'saga'; readonly input: EscalationInput }
  | { readonly workflow: 'session'; readonly input: AgentSessionInput };

/** Runs inputs through the workflows of their call. */
export interface Runner {
  /**
   * Runs `work` for `callId` in order, after whatever was queued for that call before, together
   * with the saga inputs it leads to. `redelivered`: the message was delivered before (its
   * decisions may be recorded without their effects dispatched).
   */
  run(callId: string, work: readonly Work[], redelivered: boolean): Promise<void>;
  /** Resolves once nothing is running. */
  idle(): Promise<void>;
}

/** The runner: per-call serialisation around {@link runSagaInput} and {@link runSessionInput}. */
export const createRunner = (deps: SessionRunDeps): Runner => {
  const queue = new KeyedQueue();
  const runOne = (callId: string, item: Work, redelivered: boolean) =>
    item.workflow === 'saga'
      ? runSagaInput(deps, callId, item.input, redelivered)
      : runSessionInput(deps, callId, item.input);
  return {
    run: (callId, work, redelivered) =>
      queue.run(callId, async () => {
        const pending = [...work];
        for (let item = pending.shift(); item; item = pending.shift()) {
          // A follow-up inherits `redelivered`: if its parent's effects may be missing, so may its own.
          const followUps = await runOne(callId, item, redelivered);
          pending.unshift(...followUps.map((input): Work => ({ workflow: 'saga', input })));
        }
      }),
    idle: () => queue.idle(),
  };
};
