import {
  AgentMode,
  CallHandler,
  CallState,
  TerminationReason,
  Transport,
} from '@warmline/contracts';
import { given } from './callSpec.test';
import {
  DESTINATION,
  LEG,
  T0,
  answer,
  answerFailed,
  answerSucceeded,
  calleeAnswered,
  calleeFailed,
  close,
  connect,
  disconnect,
  inState,
  serverTermination,
  setAgentMode,
  startCall,
  was,
} from './fixtures.test';

const { CALL_STATE_PENDING: PENDING, CALL_STATE_ANSWERED: ANSWERED } = CallState;
const { CALL_STATE_CONNECTED: CONNECTED, CALL_STATE_DISCONNECTED: DISCONNECTED } = CallState;

describe('the seed transition table, row by row', () => {
  it('(start) incoming call → PENDING', () => {
    given()
      .when(startCall())
      .thenEvents({
        $case: 'started',
        value: {
          callerNumber: '+6590000001',
          calleeNumber: '+6560000002',
          connectorId: 'connector-1',
          transport: Transport.TRANSPORT_SIP,
          gatewayId: 'gw-1',
          handler: CallHandler.CALL_HANDLER_SDK,
          carrierCallId: 'sip-call-id-1',
          customParameters: { campaign: 'spring' },
        },
      })
      .thenState({ exists: true, callId: 'call-1', state: PENDING, startedAtMs: T0 });
  });

  it('PENDING, answer() succeeds → ANSWERED', () => {
    given(...inState.pending())
      .when(answer())
      .thenEvents({ $case: 'answerRequested', value: {} })
      .thenInstructions({ $case: 'answer', value: {} })
      .thenState({ state: PENDING, pendingAnswer: { commandId: 'cmd-answer' } });
    given(...inState.answering())
      .when(answerSucceeded())
      .thenEvents({ $case: 'answered', value: {} })
      .thenState({ state: ANSWERED });
  });

  it('PENDING, answer() fails → stays PENDING with CallAnswerFailed', () => {
    given(...inState.answering())
      .when(answerFailed('MEDIA_UNAVAILABLE'))
      .thenEvents({
        $case: 'answerFailed',
        value: { errorCode: 'MEDIA_UNAVAILABLE', errorMessage: 'no media port' },
      })
      .thenState({ state: PENDING, pendingAnswer: null });
  });

  it('PENDING, connect() succeeds (pre-answer connect) → CONNECTED', () => {
    given(...inState.pending())
      .when(connect())
      .thenEvents({
        $case: 'connectRequested',
        value: {
          ringTimeSeconds: 60,
          destination: DESTINATION,
          calleeLegId: 'id-1',
          handoffData: {},
        },
      })
      .thenState({ state: PENDING, pendingConnect: { calleeLegId: 'id-1' } });

    given(...inState.pendingRinging())
      .when(calleeAnswered())
      .thenEvents({ $case: 'connected', value: { calleeLegId: LEG } })
      .thenInstructions(
        { $case: 'answer', value: {} },
        { $case: 'setMixMode', value: { mode: AgentMode.AGENT_MODE_BARGE } },
      )
      .thenState({ state: CONNECTED, mode: AgentMode.AGENT_MODE_BARGE, pendingConnect: null });
  });

  it('PENDING, connect() fails → stays PENDING with CallConnectFailed', () => {
    given(...inState.pendingRinging())
      .when(calleeFailed('CALLEE_DECLINED'))
      .thenEvents({
        $case: 'connectFailed',
        value: { errorCode: 'CALLEE_DECLINED', errorMessage: 'busy here', carrierStatus: 486 },
      })
      .thenState({ state: PENDING, pendingConnect: null });
  });

  it('ANSWERED, connect() succeeds → CONNECTED', () => {
    given(...inState.answered())
      .when(connect(30))
      .thenEvents({
        $case: 'connectRequested',
        value: {
          ringTimeSeconds: 30,
          destination: DESTINATION,
          calleeLegId: 'id-1',
          handoffData: {},
        },
      })
      .thenState({ state: ANSWERED });
    given(...inState.answeredRinging())
      .when(calleeAnswered())
      .thenEvents({ $case: 'connected', value: { calleeLegId: LEG } })
      .thenInstructions({ $case: 'setMixMode', value: { mode: AgentMode.AGENT_MODE_BARGE } })
      .thenState({ state: CONNECTED, mode: AgentMode.AGENT_MODE_BARGE });
  });

  it('ANSWERED, close() → DISCONNECTED, the caller is dropped too', () => {
    const reason = TerminationReason.TERMINATION_REASON_CLOSED;
    given(...inState.answered())
      .when(close())
      .thenEvents({ $case: 'terminated', value: { reason, detail: '' } })
      .thenInstructions({ $case: 'hangup', value: { reason } })
      .thenState({ state: DISCONNECTED, terminationReason: reason, bridge: 'NONE' });
  });

  it('ANSWERED, disconnect() → DISCONNECTED', () => {
    const reason = TerminationReason.TERMINATION_REASON_DISCONNECTED;
    given(...inState.answered())
      .when(disconnect())
      .thenEvents({ $case: 'terminated', value: { reason, detail: '' } })
      .thenInstructions({ $case: 'hangup', value: { reason } })
      .thenState({ state: DISCONNECTED, terminationReason: reason });
  });

  it.each([
    ['whisper()', AgentMode.AGENT_MODE_WHISPER],
    ['spy()', AgentMode.AGENT_MODE_SPY],
  ])('CONNECTED, %s → CONNECTED with the new mode', (_label, mode) => {
    given(...inState.connected())
      .when(setAgentMode(mode))
      .thenEvents({ $case: 'agentModeChanged', value: { mode } })
      .thenInstructions({ $case: 'setMixMode', value: { mode } })
      .thenState({ state: CONNECTED, mode });
  });

  it('CONNECTED, barge() after whisper → CONNECTED in BARGE', () => {
    const mode = AgentMode.AGENT_MODE_BARGE;
    given(...inState.connected(), was.modeChanged(AgentMode.AGENT_MODE_WHISPER))
      .when(setAgentMode(mode))
      .thenEvents({ $case: 'agentModeChanged', value: { mode } })
      .thenInstructions({ $case: 'setMixMode', value: { mode } })
      .thenState({ state: CONNECTED, mode });
  });

  it('CONNECTED, close() → DISCONNECTED for the agent; caller and callee stay bridged', () => {
    const reason = TerminationReason.TERMINATION_REASON_AGENT_LEFT;
    given(...inState.connected())
      .when(close())
      .thenEvents({ $case: 'terminated', value: { reason, detail: '' } })
      .thenInstructions({ $case: 'removeAgent', value: {} })
      .thenState({ state: DISCONNECTED, terminationReason: reason, bridge: 'ACTIVE' });
  });

  it('CONNECTED, disconnect() → DISCONNECTED for everyone', () => {
    const reason = TerminationReason.TERMINATION_REASON_DISCONNECTED;
    given(...inState.connected())
      .when(disconnect())
      .thenEvents({ $case: 'terminated', value: { reason, detail: '' } })
      .thenInstructions({ $case: 'hangup', value: { reason } })
      .thenState({ state: DISCONNECTED, bridge: 'NONE' });
  });

  it.each([
    ['PENDING', inState.pending],
    ['ANSWERED', inState.answered],
    ['CONNECTED', inState.connected],
  ])('%s, the server terminates → DISCONNECTED', (_label, history) => {
    const reason = TerminationReason.TERMINATION_REASON_SERVER_TERMINATED;
    given(...history())
      .when(serverTermination(reason))
      .thenEvents({ $case: 'terminated', value: { reason, detail: 'draining' } })
      .thenInstructions({ $case: 'hangup', value: { reason } })
      .thenState({ state: DISCONNECTED, terminationReason: reason });
  });
});
