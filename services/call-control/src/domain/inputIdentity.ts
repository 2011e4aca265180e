import type { StartedCall } from './callAggregate';
import { type CallDecision, ignore } from './callDecision';
import { rejectAnswerFailed, rejectInvalid } from './rejections';

/** How an input identifies itself and the call it is for. */
export interface InputIdentity {
  /** What the input calls its id, for messages ("commandId", "signalId", ...). */
  readonly idName: string;
  /** The idempotency key: a repeat with the same id changes nothing. */
  readonly id: string;
  /** The call the sender meant, when the input says. */
  readonly callId?: string;
}

/**
 * The checks every identified input goes through before its own logic: it is addressed
 * to this call, it has an id, and that id has not been applied yet. Returns the decision
 * to give right away (a rejection, or the earlier outcome of a repeat), or null to go on.
 */
export function checkInputIdentity(
  call: StartedCall,
  identity: InputIdentity,
): CallDecision | null {
  if (identity.callId !== undefined && identity.callId !== call.callId) {
    return rejectInvalid(
      call,
      `input is addressed to call "${identity.callId}", not "${call.callId}"`,
    );
  }
  if (identity.id === '') {
    return rejectInvalid(call, `${identity.idName} is required: inputs are idempotent by it`);
  }
  const applied = call.appliedInputs.get(identity.id);
  if (applied === undefined) return null;
  if (applied.ok) return ignore('DUPLICATE_INPUT');
  return rejectAnswerFailed(call, applied.gatewayErrorCode, applied.message);
}
