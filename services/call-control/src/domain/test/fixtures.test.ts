// Test fixtures for the call decider (not a test file itself: jest runs *.unit.test.ts).
import {
  AgentMode,
  CallHandler,
  type CallCommand,
  type CallEvent,
  type GatewaySignal,
  Party,
  TerminationReason,
  Transport,
} from '@warmline/contracts';
import type { CallEventPayload } from '../callEventFactory';
import type {
  CallInput,
  CommandInput,
  GatewaySignalInput,
  ServerTerminationReason,
  StartCallInput,
} from '../callInput';

export const CALL_ID = 'call-1';
/** When the history's events happened, and the default "now" of a decision. */
export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
/** The configured callee of the call's connector. */
export const DESTINATION = 'sip:frontdesk@pbx.example';
/** The callee leg rung by the history's connect. */
export const LEG = 'leg-1';

export const startCall = (callId = CALL_ID): StartCallInput => ({
  kind: 'startCall',
  handler: CallHandler.CALL_HANDLER_SDK,
  request: {
    callId,
    callerNumber: '+6590000001',
    calleeNumber: '+6560000002',
    connectorId: 'connector-1',
    transport: Transport.TRANSPORT_SIP,
    gatewayId: 'gw-1',
    carrierCallId: 'sip-call-id-1',
    customParameters: { campaign: 'spring' },
  },
});

export const command = (
  payload: NonNullable<CallCommand['payload']>,
  commandId: string,
): CommandInput => ({
  kind: 'command',
  command: { commandId, callId: CALL_ID, causationId: '', correlationId: '', payload },
});

export const answer = (id = 'cmd-answer') => command({ $case: 'answer', value: {} }, id);
export const connect = (
  ringTimeSeconds = 0,
  id = 'cmd-connect',
  handoffData: Record<string, string> = {},
) => command({ $case: 'connect', value: { ringTimeSeconds, handoffData } }, id);
export const close = (id = 'cmd-close') => command({ $case: 'close', value: {} }, id);
export const disconnect = (id = 'cmd-disconnect') =>
  command({ $case: 'disconnect', value: {} }, id);
export const setAgentMode = (mode: AgentMode, id = `cmd-mode-${mode}`) =>
  command({ $case: 'setAgentMode', value: { mode } }, id);
export const terminate = (
  reason: TerminationReason = TerminationReason.TERMINATION_REASON_SERVER_TERMINATED,
  id = 'cmd-terminate',
  detail = 'policy',
) => command({ $case: 'terminate', value: { reason, detail } }, id);

/** One new command of each kind (ids no history has used), for the forbidden-command matrix. */
export const everyCommand = {
  answer: answer('cmd-new-answer'),
  connect: connect(0, 'cmd-new-connect'),
  close: close('cmd-new-close'),
  disconnect: disconnect('cmd-new-disconnect'),
  setAgentMode: setAgentMode(AgentMode.AGENT_MODE_WHISPER, 'cmd-new-mode'),
  terminate: terminate(TerminationReason.TERMINATION_REASON_SERVER_TERMINATED, 'cmd-new-term'),
} as const;

export const signal = (
  payload: NonNullable<GatewaySignal['payload']>,
  signalId = 'sig-1',
): GatewaySignalInput => ({
  kind: 'gatewaySignal',
  signal: { signalId, callId: CALL_ID, occurredAtMs: T0, payload },
});

export const calleeRinging = (leg = LEG, id = 'sig-ringing') =>
  signal({ $case: 'calleeRinging', value: { calleeLegId: leg } }, id);
export const calleeAnswered = (leg = LEG, id = 'sig-answered') =>
  signal({ $case: 'calleeAnswered', value: { calleeLegId: leg } }, id);
export const calleeFailed = (errorCode: string, leg = LEG, id = 'sig-failed') =>
  signal(
    {
      $case: 'calleeFailed',
      value: { calleeLegId: leg, errorCode, carrierStatus: 486, detail: 'busy here' },
    },
    id,
  );
export const partyHungUp = (party: Party, id = 'sig-hangup') =>
  signal({ $case: 'partyHungUp', value: { party } }, id);
export const callerHungUp = (id?: string) => partyHungUp(Party.PARTY_CALLER, id);
export const calleeHungUp = (id?: string) => partyHungUp(Party.PARTY_CALLEE, id);
export const mediaLost = (id = 'sig-media') =>
  signal({ $case: 'mediaLost', value: { detail: 'rtp timeout' } }, id);
export const dtmf = (digit = '5', id = 'sig-dtmf') =>
  signal({ $case: 'dtmf', value: { digit, durationMs: 120 } }, id);

export const answerSucceeded = (answerCommandId = 'cmd-answer'): CallInput => ({
  kind: 'answerOutcome',
  answerCommandId,
  result: { ok: true },
});
export const answerFailed = (
  errorCode = 'MEDIA_UNAVAILABLE',
  answerCommandId = 'cmd-answer',
): CallInput => ({
  kind: 'answerOutcome',
  answerCommandId,
  result: { ok: false, errorCode, errorMessage: 'no media port' },
});
export const ringTimeout = (calleeLegId = LEG): CallInput => ({ kind: 'ringTimeout', calleeLegId });
export const serverTermination = (
  reason: ServerTerminationReason = TerminationReason.TERMINATION_REASON_SERVER_TERMINATED,
  terminationId = 'term-1',
): CallInput => ({ kind: 'serverTermination', terminationId, reason, detail: 'draining' });

let historySequence = 0;

/** A past event of the call, as it sits in the stream. */
export const pastEvent = (
  payload: CallEventPayload,
  causationId: string,
  atMs = T0,
): CallEvent => ({
  eventId: `evt-${(historySequence += 1)}`,
  callId: CALL_ID,
  occurredAt: new Date(atMs),
  causationId,
  correlationId: CALL_ID,
  payload,
});

export const was = {
  started: () => {
    const { request, handler } = startCall();
    const { callId: _callId, ...facts } = request;
    return pastEvent({ $case: 'started', value: { ...facts, handler } }, CALL_ID);
  },
  answerRequested: (causationId = 'cmd-answer') =>
    pastEvent({ $case: 'answerRequested', value: {} }, causationId),
  answered: (causationId = 'cmd-answer') =>
    pastEvent({ $case: 'answered', value: {} }, causationId),
  answerFailed: (causationId = 'cmd-answer') =>
    pastEvent(
      {
        $case: 'answerFailed',
        value: { errorCode: 'MEDIA_UNAVAILABLE', errorMessage: 'no media port' },
      },
      causationId,
    ),
  connectRequested: (ringTimeSeconds = 60, leg = LEG, causationId = 'cmd-connect') =>
    pastEvent(
      {
        $case: 'connectRequested',
        value: { ringTimeSeconds, destination: DESTINATION, calleeLegId: leg, handoffData: {} },
      },
      causationId,
    ),
  connectRinging: (leg = LEG, causationId = 'sig-ringing') =>
    pastEvent({ $case: 'connectRinging', value: { calleeLegId: leg } }, causationId),
  connected: (leg = LEG, causationId = 'sig-answered') =>
    pastEvent({ $case: 'connected', value: { calleeLegId: leg } }, causationId),
  connectFailed: (errorCode: string, causationId = 'sig-failed') =>
    pastEvent(
      { $case: 'connectFailed', value: { errorCode, errorMessage: '', carrierStatus: 0 } },
      causationId,
    ),
  modeChanged: (mode: AgentMode, causationId = `cmd-mode-${mode}`) =>
    pastEvent({ $case: 'agentModeChanged', value: { mode } }, causationId),
  terminated: (reason: TerminationReason, causationId = 'cmd-end') =>
    pastEvent({ $case: 'terminated', value: { reason, detail: '' } }, causationId),
  bridgeEnded: (reason: TerminationReason, causationId = 'sig-bridge-end') =>
    pastEvent({ $case: 'bridgeEnded', value: { reason } }, causationId),
};

/** Histories that put the call in each state of the seed's machine (and its variants). */
export const inState = {
  pending: () => [was.started()],
  /** answer() accepted, the gateway's reply not yet recorded. */
  answering: () => [was.started(), was.answerRequested()],
  pendingRinging: () => [was.started(), was.connectRequested()],
  answered: () => [was.started(), was.answerRequested(), was.answered()],
  answeredRinging: () => [...inState.answered(), was.connectRequested()],
  connected: () => [...inState.answered(), was.connectRequested(), was.connected()],
  connectedPreAnswer: () => [was.started(), was.connectRequested(), was.connected()],
  closedWhileAnswered: () => [
    ...inState.answered(),
    was.terminated(TerminationReason.TERMINATION_REASON_CLOSED, 'cmd-close'),
  ],
  disconnected: () => [
    ...inState.connected(),
    was.terminated(TerminationReason.TERMINATION_REASON_DISCONNECTED, 'cmd-disconnect'),
  ],
  agentLeft: () => [
    ...inState.connected(),
    was.terminated(TerminationReason.TERMINATION_REASON_AGENT_LEFT, 'cmd-close'),
  ],
  bridgeEnded: () => [
    ...inState.agentLeft(),
    was.bridgeEnded(TerminationReason.TERMINATION_REASON_CALLEE_HUNG_UP),
  ],
};
