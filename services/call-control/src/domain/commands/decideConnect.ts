import type { ConnectCall } from '@warmline/contracts';
import type { StartedCall } from '../callAggregate';
import { type CallDecision, accept } from '../callDecision';
import { type EventCause, newCallEvent } from '../callEventFactory';
import type { DecideContext } from '../decideContext';
import { instruct } from '../instructions';
import { rejectConnectInProgress, rejectConnectNotSupported, rejectInvalid } from '../rejections';
import { resolveRingTimeSeconds } from '../ringTime';

/**
 * connect() rings the connector's original callee (from configuration) on a new leg.
 * The call stays in its state with a connect pending until the callee answers
 * (CONNECTED), fails, or the ring window closes.
 */
export function decideConnect(
  call: StartedCall,
  request: ConnectCall,
  cause: EventCause,
  ctx: DecideContext,
): CallDecision {
  if (call.pendingConnect) return rejectConnectInProgress(call, call.pendingConnect.calleeLegId);
  const ringTime = resolveRingTimeSeconds(request.ringTimeSeconds);
  if (!ringTime.ok) return rejectInvalid(call, ringTime.message);
  const destination = ctx.calleeDestination;
  if (destination === undefined || destination === '') return rejectConnectNotSupported(call);

  const calleeLegId = ctx.newId();
  const ringTimeSeconds = ringTime.seconds;
  const requested = newCallEvent(ctx, call.callId, cause, {
    $case: 'connectRequested',
    value: { ringTimeSeconds, destination, calleeLegId, handoffData: { ...request.handoffData } },
  });
  return accept(
    [requested],
    [instruct.placeCallee(calleeLegId, destination, ringTimeSeconds, request.handoffData)],
    [{ kind: 'ringTimeout', calleeLegId, fireAtMs: ctx.nowMs + ringTimeSeconds * 1000 }],
  );
}
