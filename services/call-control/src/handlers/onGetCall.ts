import { type CallSnapshot, isSubjectToken } from '@warmline/contracts';
import type { CallDeps } from '../calls/callDeps';
import { CallAccessDeniedError } from '../calls/callErrors';
import { toSnapshot } from '../domain';
import { type ConnectorScope, scopeAllows } from '../settings/connectorScope';

/**
 * The current state of a call (GetCall; also what rebuilds a call on another process),
 * or null when no call has this id. `version` is the stream sequence of its last event.
 *
 * @throws {@link CallAccessDeniedError} when `scope` does not cover the call's connector
 */
export async function onGetCall(
  deps: CallDeps,
  callId: string,
  scope: ConnectorScope,
): Promise<CallSnapshot | null> {
  if (!isSubjectToken(callId)) return null;
  const { call, version } = await deps.store.load(callId);
  if (!call.exists) return null;
  if (!scopeAllows(scope, call.origin.connectorId)) throw new CallAccessDeniedError(callId);
  return { ...toSnapshot(call), version };
}
