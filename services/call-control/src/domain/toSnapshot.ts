import { type CallSnapshot, TerminationReason } from '@warmline/contracts';
import type { StartedCall } from './callAggregate';

/** The call as the SDK sees it (`GetCall`, `IncomingCall`, `call.toJSON()`). */
export function toSnapshot(call: StartedCall): CallSnapshot {
  const { origin } = call;
  return {
    callId: call.callId,
    callerNumber: origin.callerNumber,
    calleeNumber: origin.calleeNumber,
    connectorId: origin.connectorId,
    state: call.state,
    mode: call.mode,
    transport: origin.transport,
    handler: call.handler,
    version: call.version,
    connectPending: call.pendingConnect !== null,
    startedAt: new Date(call.startedAtMs),
    terminationReason: call.terminationReason ?? TerminationReason.TERMINATION_REASON_UNSPECIFIED,
  };
}
