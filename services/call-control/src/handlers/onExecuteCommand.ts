import {
  type CallCommand,
  type CallCommandResult,
  CallState,
  isSubjectToken,
} from '@warmline/contracts';
import { applyInput } from '../calls/applyInput';
import { awaitOutcome } from '../calls/awaitOutcome';
import type { CallDeps } from '../calls/callDeps';
import { CallAccessDeniedError } from '../calls/callErrors';
import { commandResult } from '../calls/commandResult';
import { resumeStaleAnswer } from '../calls/resumeStaleAnswer';
import { commandOutcome, evolve, initialState } from '../domain';
import { type ConnectorScope, scopeAllows } from '../settings/connectorScope';

/** How a command is executed for its sender. */
export interface ExecuteOptions {
  /** The connectors the sender may use; absent for trusted services on the bus. */
  readonly scope?: ConnectorScope;
}

/** connect() without a ring time rings for the configured default. */
export function withDefaults(deps: CallDeps, command: CallCommand): CallCommand {
  const payload = command.payload;
  if (payload?.$case !== 'connect' || payload.value.ringTimeSeconds !== 0) return command;
  const value = { ...payload.value, ringTimeSeconds: deps.defaultRingTimeSeconds };
  return { ...command, payload: { $case: 'connect', value } };
}

/** How long a command may take by itself: a connect rings up to its ring time. */
function durationMs(command: CallCommand): number {
  const payload = command.payload;
  return payload?.$case === 'connect' ? payload.value.ringTimeSeconds * 1000 : 0;
}

function invalid(command: CallCommand, message: string): CallCommandResult {
  return commandResult(command, initialState(), {
    kind: 'rejected',
    rejection: { code: 'INVALID_ARGUMENT', message, state: CallState.CALL_STATE_UNSPECIFIED },
  });
}

/**
 * One command on one call, for the SDK (gRPC ExecuteCommand) and services
 * (`cmd.call-control.execute`): decide, store, tell the gateway, and report the result
 * once the command completed (answer: the gateway answered; connect: the callee answered,
 * failed, or the ring window closed).
 * Idempotent by command id: a repeat gets the original result, read from the call's
 * events, and changes nothing. A command the state does not allow changes nothing.
 *
 * @throws {@link CallAccessDeniedError} when `scope` does not cover the call's connector
 */
export async function onExecuteCommand(
  deps: CallDeps,
  received: CallCommand,
  options: ExecuteOptions,
): Promise<CallCommandResult> {
  const { callId } = received;
  if (!isSubjectToken(callId)) return invalid(received, `not a call id: "${callId.slice(0, 64)}"`);
  if (options.scope) {
    const { call } = await deps.store.load(callId);
    if (call.exists && !scopeAllows(options.scope, call.origin.connectorId)) {
      throw new CallAccessDeniedError(callId);
    }
  }
  const command = withDefaults(deps, received);
  const { decision, after } = await applyInput(deps, callId, { kind: 'command', command });
  if (!decision.ok) {
    // A repeat of an answer that failed at the gateway reports that failure as it did first.
    const source =
      decision.error.code === 'ANSWER_FAILED'
        ? commandOutcome(after.events, command)
        : { kind: 'rejected' as const, rejection: decision.error };
    return commandResult(command, after.call, source);
  }

  // answer() and connect() complete later: wait for the events that settle them.
  if (decision.ignored !== null && command.payload?.$case === 'answer') {
    await resumeStaleAnswer(deps, after, deps.outcomeGraceMs);
  }
  const latest = await deps.store.load(callId);
  const timeoutMs = durationMs(command) + deps.outcomeGraceMs;
  const { outcome, events } = await awaitOutcome(deps.store, callId, command, latest, timeoutMs);
  const source =
    outcome.kind === 'timeout'
      ? {
          kind: 'timeout' as const,
          message: `no outcome within ${timeoutMs} ms; watch the call's events`,
        }
      : outcome;
  return commandResult(command, events.reduce(evolve, initialState()), source);
}
