import { CallState, TerminationReason } from '@warmline/contracts';
import { given } from './callSpec.test';
import {
  LEG,
  calleeHungUp,
  callerHungUp,
  close,
  inState,
  mediaLost,
  serverTermination,
} from './fixtures.test';

const {
  TERMINATION_REASON_AGENT_LEFT: AGENT_LEFT,
  TERMINATION_REASON_CALLEE_HUNG_UP: CALLEE_HUNG_UP,
  TERMINATION_REASON_CALLER_HUNG_UP: CALLER_HUNG_UP,
  TERMINATION_REASON_CLOSED: CLOSED,
  TERMINATION_REASON_MEDIA_LOST: MEDIA_LOST,
  TERMINATION_REASON_SERVER_TERMINATED: SERVER_TERMINATED,
} = TerminationReason;

describe('close depends on the state', () => {
  it('while ANSWERED, drops the caller too (CLOSED, hang up)', () => {
    given(...inState.answered())
      .when(close())
      .thenEvents({ $case: 'terminated', value: { reason: CLOSED, detail: '' } })
      .thenInstructions({ $case: 'hangup', value: { reason: CLOSED } })
      .thenState({ state: CallState.CALL_STATE_DISCONNECTED, bridge: 'NONE' });
  });

  it('while ANSWERED with the callee ringing, also cancels the callee leg', () => {
    given(...inState.answeredRinging())
      .when(close())
      .thenEvents({ $case: 'terminated', value: { reason: CLOSED, detail: '' } })
      .thenInstructions(
        { $case: 'cancelCallee', value: { calleeLegId: LEG } },
        { $case: 'hangup', value: { reason: CLOSED } },
      )
      .thenState({ pendingConnect: null });
  });

  it('while CONNECTED, only the agent leaves: no hang-up, caller and callee stay bridged', () => {
    given(...inState.connected())
      .when(close())
      .thenEvents({ $case: 'terminated', value: { reason: AGENT_LEFT, detail: '' } })
      .thenInstructions({ $case: 'removeAgent', value: {} })
      .thenState({ state: CallState.CALL_STATE_DISCONNECTED, bridge: 'ACTIVE' });
  });

  it('while PENDING is refused, even with a pre-answer connect ringing', () => {
    given(...inState.pending())
      .when(close())
      .thenRejected('WRONG_STATE');
    given(...inState.pendingRinging())
      .when(close())
      .thenRejected('WRONG_STATE');
  });
});

describe('the bridge left behind after AGENT_LEFT', () => {
  it.each([
    ['the caller hangs up', callerHungUp(), CALLER_HUNG_UP],
    ['the callee hangs up', calleeHungUp(), CALLEE_HUNG_UP],
    ['its media is lost', mediaLost(), MEDIA_LOST],
    ['the server terminates it', serverTermination(), SERVER_TERMINATED],
  ])('ends when %s: CallBridgeEnded and the other party is hung up', (_label, input, reason) => {
    given(...inState.agentLeft())
      .when(input)
      .thenEvents({ $case: 'bridgeEnded', value: { reason } })
      .thenInstructions({ $case: 'hangup', value: { reason } })
      .thenState({
        state: CallState.CALL_STATE_DISCONNECTED,
        terminationReason: AGENT_LEFT,
        bridge: 'ENDED',
      });
  });

  it('ends only once: the other party hanging up afterwards is CALL_CLOSED', () => {
    given(...inState.bridgeEnded())
      .when(callerHungUp('sig-second-hangup'))
      .thenRejected('CALL_CLOSED');
  });

  it('does not exist after close() while ANSWERED', () => {
    given(...inState.closedWhileAnswered())
      .when(calleeHungUp())
      .thenRejected('CALL_CLOSED');
  });

  it('needs to know which party hung up', () => {
    given(...inState.agentLeft())
      .when({
        kind: 'gatewaySignal',
        signal: {
          signalId: 'sig-q',
          callId: 'call-1',
          occurredAtMs: 0,
          payload: { $case: 'partyHungUp', value: { party: 0 } },
        },
      })
      .thenRejected('INVALID_ARGUMENT');
  });
});
