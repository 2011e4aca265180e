import {
  AgentMode,
  type CallConnectRequested,
  type CallEvent,
  CallState,
  TerminationReason,
} from '@warmline/contracts';
import { assertNever } from './assertNever';
import type { CallAggregate, PendingConnect, StartedCall } from './callAggregate';
import { CallInvariantError } from './callErrors';
import { rememberInput } from './rememberInput';

type StartedEvent = CallEvent & { payload: { $case: 'started' } };

function occurredAtMs(event: CallEvent): number {
  if (!event.occurredAt) {
    throw new CallInvariantError(`event ${event.eventId} of call ${event.callId} has no time`);
  }
  return event.occurredAt.getTime();
}

function startCall(event: StartedEvent): StartedCall {
  return {
    exists: true,
    callId: event.callId,
    state: CallState.CALL_STATE_PENDING,
    mode: AgentMode.AGENT_MODE_UNSPECIFIED,
    pendingConnect: null,
    pendingAnswer: null,
    connectedCalleeLegId: null,
    handler: event.payload.value.handler,
    origin: event.payload.value,
    startedAtMs: occurredAtMs(event),
    terminationReason: null,
    bridge: 'NONE',
    appliedInputs: rememberInput(new Map(), event),
    version: 1,
  };
}

function pendingConnectOf(event: CallEvent, requested: CallConnectRequested): PendingConnect {
  const { calleeLegId, destination, ringTimeSeconds, handoffData } = requested;
  return {
    calleeLegId,
    destination,
    ringTimeSeconds,
    deadlineMs: occurredAtMs(event) + ringTimeSeconds * 1000,
    requestEventId: event.eventId,
    handoffData: { ...handoffData },
    ringing: false,
  };
}

/**
 * Folds one event into the call's state. Events are facts, so evolve never refuses
 * one; a stream that breaks the aggregate's invariants throws CallInvariantError.
 */
export function evolve(call: CallAggregate, event: CallEvent): CallAggregate {
  const payload = event.payload;
  if (payload?.$case === 'started') {
    if (call.exists) throw new CallInvariantError(`call ${call.callId} started twice`);
    return startCall({ ...event, payload });
  }
  if (!call.exists) {
    throw new CallInvariantError(`event ${event.eventId} precedes the start of its call`);
  }
  const next: StartedCall = {
    ...call,
    version: call.version + 1,
    appliedInputs: rememberInput(call.appliedInputs, event),
  };
  // An event from a newer writer whose payload this build cannot read still counts.
  if (!payload) return next;

  switch (payload.$case) {
    case 'answerRequested':
      return { ...next, pendingAnswer: { commandId: event.causationId } };
    case 'answered':
      return { ...next, state: CallState.CALL_STATE_ANSWERED, pendingAnswer: null };
    case 'answerFailed':
      return { ...next, pendingAnswer: null };
    case 'connectRequested':
      return { ...next, pendingConnect: pendingConnectOf(event, payload.value) };
    case 'connectRinging': {
      const pending = next.pendingConnect;
      if (pending?.calleeLegId !== payload.value.calleeLegId) return next;
      return { ...next, pendingConnect: { ...pending, ringing: true } };
    }
    case 'connected':
      return {
        ...next,
        state: CallState.CALL_STATE_CONNECTED,
        // A pre-answer connect answers the caller's leg as part of the bridge.
        pendingAnswer: null,
        mode: AgentMode.AGENT_MODE_BARGE,
        pendingConnect: null,
        connectedCalleeLegId: payload.value.calleeLegId,
      };
    case 'connectFailed':
      return { ...next, pendingConnect: null };
    case 'agentModeChanged':
      return { ...next, mode: payload.value.mode };
    case 'terminated': {
      const { reason } = payload.value;
      const agentLeft = reason === TerminationReason.TERMINATION_REASON_AGENT_LEFT;
      return {
        ...next,
        state: CallState.CALL_STATE_DISCONNECTED,
        pendingConnect: null,
        pendingAnswer: null,
        terminationReason: reason,
        bridge: agentLeft ? 'ACTIVE' : 'NONE',
      };
    }
    case 'bridgeEnded':
      return { ...next, bridge: 'ENDED' };
    case 'dtmfReceived':
      return next;
    default:
      return assertNever(payload);
  }
}
