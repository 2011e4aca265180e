import { CallState } from '@warmline/contracts';
import type { StartedCall } from './callAggregate';
import { type CallDecision, accept, ignore } from './callDecision';
import { newCallEvent } from './callEventFactory';
import type { RingTimeoutInput } from './callInput';
import type { DecideContext } from './decideContext';
import { instruct } from './instructions';
import { rejectClosed } from './rejections';

/** The code the seed reports when nobody answers within the ring window. */
export const CALL_UNANSWERED = 'CALL_UNANSWERED';

/**
 * A ring timer fired. If the leg is still ringing and its deadline has passed, connect
 * fails with CALL_UNANSWERED, the leg is cancelled, and the call stays active. A tick
 * that lost the race (the callee answered or failed first) does nothing.
 */
export function decideRingTimeout(
  call: StartedCall,
  input: RingTimeoutInput,
  ctx: DecideContext,
): CallDecision {
  if (call.state === CallState.CALL_STATE_DISCONNECTED) return rejectClosed(call, 'ringTimeout');
  const pending = call.pendingConnect;
  if (pending === null) return ignore('NO_CONNECT_PENDING');
  if (pending.calleeLegId !== input.calleeLegId) return ignore('STALE_CALLEE_LEG');
  if (ctx.nowMs < pending.deadlineMs) return ignore('RING_NOT_DUE');

  // Caused by the CallConnectRequested event whose timer this is: once applied the
  // connect is no longer pending, so a repeated tick is ignored above.
  const cause = { causationId: pending.requestEventId, correlationId: call.callId };
  const failed = newCallEvent(ctx, call.callId, cause, {
    $case: 'connectFailed',
    value: {
      errorCode: CALL_UNANSWERED,
      errorMessage: `nobody answered within ${pending.ringTimeSeconds} s`,
      carrierStatus: 0,
    },
  });
  return accept([failed], [instruct.cancelCallee(pending.calleeLegId)]);
}
