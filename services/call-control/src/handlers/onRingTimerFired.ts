import { type Disposition } from '@warmline/bus';
import { applyInput } from '../calls/applyInput';
import type { CallDeps } from '../calls/callDeps';
import { settleApplied, settleInput } from './settle';

/** A timer that fired a little early (clocks differ) is retried this long after its deadline. */
const LATE_MARGIN_MS = 20;

/**
 * A ring timer fired (JetStream schedule `timer.call.fired.<callId>.<legId>`): if the leg
 * still rings past its deadline, connect fails with CALL_UNANSWERED and the leg is
 * cancelled. A timer that fired before the deadline by this process's clock is retried
 * at the deadline; one whose leg no longer rings changes nothing.
 */
export function onRingTimerFired(
  deps: CallDeps,
  callId: string,
  calleeLegId: string,
): Promise<Disposition> {
  return settleInput(async () => {
    const applied = await applyInput(deps, callId, { kind: 'ringTimeout', calleeLegId });
    const { decision, after } = applied;
    if (decision.ok && decision.ignored === 'RING_NOT_DUE' && after.call.exists) {
      const deadline = after.call.pendingConnect?.deadlineMs ?? deps.clock();
      return { nak: Math.max(0, deadline - deps.clock()) + LATE_MARGIN_MS };
    }
    return settleApplied(deps, callId, 'ring timeout', applied);
  });
}
