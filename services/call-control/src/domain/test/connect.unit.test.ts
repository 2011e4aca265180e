import { AgentMode, CallState } from '@warmline/contracts';
import { given } from './callSpec.test';
import {
  DESTINATION,
  LEG,
  T0,
  calleeAnswered,
  calleeFailed,
  calleeRinging,
  connect,
  inState,
  ringTimeout,
  was,
} from './fixtures.test';

const { CALL_STATE_PENDING: PENDING, CALL_STATE_ANSWERED: ANSWERED } = CallState;

describe('connect', () => {
  it('rings the configured callee on a new leg with the handoff data, and arms the ring timer', () => {
    given(...inState.answered())
      .when(connect(45, 'cmd-c', { contextId: 'ctx-9' }))
      .thenEvents({
        $case: 'connectRequested',
        value: {
          ringTimeSeconds: 45,
          destination: DESTINATION,
          calleeLegId: 'id-1',
          handoffData: { contextId: 'ctx-9' },
        },
      })
      .thenInstructions({
        $case: 'placeCallee',
        value: {
          calleeLegId: 'id-1',
          destination: DESTINATION,
          ringTimeSeconds: 45,
          handoffData: { contextId: 'ctx-9' },
        },
      })
      .thenTimers({ kind: 'ringTimeout', calleeLegId: 'id-1', fireAtMs: T0 + 45_000 })
      .thenState({
        state: ANSWERED,
        pendingConnect: { calleeLegId: 'id-1', ringTimeSeconds: 45, deadlineMs: T0 + 45_000 },
      });
  });

  it('records the handoff data on the pending connect', () => {
    given(...inState.answered())
      .when(connect(0, 'cmd-c', { contextId: 'ctx-9' }))
      .thenState({ pendingConnect: { handoffData: { contextId: 'ctx-9' }, ringing: false } });
  });

  it('is refused without a configured callee destination', () => {
    given(...inState.answered())
      .when(connect(), { calleeDestination: null })
      .thenRejected('CONNECT_NOT_SUPPORTED');
  });

  it.each([
    ['PENDING', inState.pendingRinging],
    ['ANSWERED', inState.answeredRinging],
  ])('a second connect while one rings (%s) is refused', (_label, history) => {
    given(...history())
      .when(connect(0, 'cmd-second'))
      .thenRejected('CONNECT_IN_PROGRESS');
  });

  it('may be tried again after a failed one', () => {
    given(...inState.answeredRinging(), was.connectFailed('CALLEE_BUSY'))
      .when(connect(0, 'cmd-retry'))
      .thenEvents({
        $case: 'connectRequested',
        value: {
          ringTimeSeconds: 60,
          destination: DESTINATION,
          calleeLegId: 'id-1',
          handoffData: {},
        },
      });
  });
});

describe('ring time', () => {
  it.each([
    [0, 60],
    [1, 1],
    [60, 60],
    [120, 120],
  ])('%i s rings for %i s', (requested, expected) => {
    given(...inState.answered())
      .when(connect(requested))
      .thenTimers({ kind: 'ringTimeout', calleeLegId: 'id-1', fireAtMs: T0 + expected * 1000 })
      .thenState({ pendingConnect: { ringTimeSeconds: expected } });
  });

  it.each([121, 1000, -1, 1.5])('%s s is refused as INVALID_ARGUMENT', (requested) => {
    const { decision } = given(...inState.answered())
      .when(connect(requested))
      .thenRejected('INVALID_ARGUMENT');
    expect(!decision.ok && decision.error.message).toContain('1 to 120');
  });
});

describe('the callee leg', () => {
  it.each(['CALLEE_BUSY', 'CALLEE_DECLINED', 'CALLEE_UNREACHABLE', 'CALL_UNANSWERED'])(
    'failing with %s emits CallConnectFailed and the call stays ANSWERED',
    (errorCode) => {
      given(...inState.answeredRinging())
        .when(calleeFailed(errorCode))
        .thenEvents({
          $case: 'connectFailed',
          value: { errorCode, errorMessage: 'busy here', carrierStatus: 486 },
        })
        .thenInstructions()
        .thenState({ state: ANSWERED, pendingConnect: null });
    },
  );

  it('failing without a code is reported as CALLEE_UNREACHABLE', () => {
    given(...inState.answeredRinging())
      .when(calleeFailed(''))
      .thenEvents({
        $case: 'connectFailed',
        value: { errorCode: 'CALLEE_UNREACHABLE', errorMessage: 'busy here', carrierStatus: 486 },
      });
  });

  it('ringing is recorded once per leg as CallConnectRinging; the connect stays pending', () => {
    given(...inState.answeredRinging())
      .when(calleeRinging())
      .thenEvents({ $case: 'connectRinging', value: { calleeLegId: LEG } })
      .thenInstructions()
      .thenState({ state: ANSWERED, pendingConnect: { calleeLegId: LEG, ringing: true } });
    given(...inState.answeredRinging(), was.connectRinging())
      .when(calleeRinging(LEG, 'sig-ringing-again'))
      .thenIgnored('ALREADY_RINGING');
  });

  it('a ringing leg still times out, fails or connects as before', () => {
    given(...inState.answeredRinging(), was.connectRinging())
      .when(calleeAnswered())
      .thenEvents({ $case: 'connected', value: { calleeLegId: LEG } });
  });

  it('facts about a leg that is not ringing change nothing', () => {
    given(...inState.answeredRinging())
      .when(calleeFailed('CALLEE_BUSY', 'leg-old'))
      .thenIgnored('STALE_CALLEE_LEG')
      .thenState({ pendingConnect: { calleeLegId: LEG } });
    given(...inState.answeredRinging())
      .when(calleeRinging('leg-old'))
      .thenIgnored('STALE_CALLEE_LEG');
  });

  it('answering after its connect failed is cancelled, not connected', () => {
    given(...inState.answeredRinging(), was.connectFailed('CALL_UNANSWERED'))
      .when(calleeAnswered(LEG, 'sig-late'))
      .thenIgnored('STALE_CALLEE_LEG')
      .thenInstructions({ $case: 'cancelCallee', value: { calleeLegId: LEG } })
      .thenState({ state: ANSWERED });
  });

  it('answering again on the connected leg changes nothing', () => {
    given(...inState.connected())
      .when(calleeAnswered(LEG, 'sig-again'))
      .thenIgnored('ALREADY_CONNECTED')
      .thenInstructions();
  });

  it('connects in BARGE mode', () => {
    given(...inState.answeredRinging())
      .when(calleeAnswered())
      .thenState({
        state: CallState.CALL_STATE_CONNECTED,
        mode: AgentMode.AGENT_MODE_BARGE,
        connectedCalleeLegId: LEG,
      });
  });
});

describe('the ring timeout', () => {
  const deadline = T0 + 60_000;

  it.each([
    ['PENDING', PENDING, inState.pendingRinging],
    ['ANSWERED', ANSWERED, inState.answeredRinging],
  ])(
    'at the deadline (%s) fails the connect with CALL_UNANSWERED, cancels the leg, keeps the call',
    (_label, state, history) => {
      const events = history();
      const result = given(...events)
        .when(ringTimeout(), { nowMs: deadline })
        .thenEvents({
          $case: 'connectFailed',
          value: {
            errorCode: 'CALL_UNANSWERED',
            errorMessage: 'nobody answered within 60 s',
            carrierStatus: 0,
          },
        })
        .thenInstructions({ $case: 'cancelCallee', value: { calleeLegId: LEG } })
        .thenState({ state, pendingConnect: null });
      const requested = events.at(-1)!;
      expect(result.decision.ok && result.decision.events[0]!.causationId).toBe(requested.eventId);
    },
  );

  it('before the deadline does nothing', () => {
    given(...inState.answeredRinging())
      .when(ringTimeout(), { nowMs: deadline - 1 })
      .thenIgnored('RING_NOT_DUE')
      .thenInstructions();
  });

  it('after the callee answered does nothing', () => {
    given(...inState.connected())
      .when(ringTimeout(), { nowMs: deadline + 5_000 })
      .thenIgnored('NO_CONNECT_PENDING')
      .thenInstructions()
      .thenState({ state: CallState.CALL_STATE_CONNECTED });
  });

  it('after the callee failed, or a second time, does nothing', () => {
    given(...inState.answeredRinging(), was.connectFailed('CALLEE_BUSY'))
      .when(ringTimeout(), { nowMs: deadline })
      .thenIgnored('NO_CONNECT_PENDING');
  });

  it('for an earlier leg does not fail the connect ringing now', () => {
    given(...inState.answeredRinging())
      .when(ringTimeout('leg-old'), { nowMs: deadline })
      .thenIgnored('STALE_CALLEE_LEG');
  });
});
