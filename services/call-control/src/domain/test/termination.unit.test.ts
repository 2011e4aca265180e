import { CallState, TerminationReason } from '@warmline/contracts';
import type { CallInstruction } from '../callDecision';
import type { CallInput } from '../callInput';
import { given } from './callSpec.test';
import {
  LEG,
  calleeHungUp,
  callerHungUp,
  disconnect,
  inState,
  mediaLost,
  partyHungUp,
  serverTermination,
  terminate,
  was,
} from './fixtures.test';

const {
  TERMINATION_REASON_CALLEE_HUNG_UP: CALLEE_HUNG_UP,
  TERMINATION_REASON_CALLER_HUNG_UP: CALLER_HUNG_UP,
  TERMINATION_REASON_DISCONNECTED: DISCONNECTED,
  TERMINATION_REASON_MEDIA_LOST: MEDIA_LOST,
  TERMINATION_REASON_PROTOCOL_ERROR: PROTOCOL_ERROR,
  TERMINATION_REASON_SERVER_TERMINATED: SERVER_TERMINATED,
} = TerminationReason;

const activeStates = [
  ['PENDING', inState.pending, false],
  ['PENDING, callee ringing', inState.pendingRinging, true],
  ['ANSWERED', inState.answered, false],
  ['ANSWERED, callee ringing', inState.answeredRinging, true],
  ['CONNECTED', inState.connected, false],
] as const;

const terminations: ReadonlyArray<readonly [string, CallInput, TerminationReason, string]> = [
  ['the caller hangs up', callerHungUp(), CALLER_HUNG_UP, ''],
  ['media is lost', mediaLost(), MEDIA_LOST, 'rtp timeout'],
  ['the server terminates', serverTermination(SERVER_TERMINATED), SERVER_TERMINATED, 'draining'],
  ['a protocol violation', serverTermination(PROTOCOL_ERROR), PROTOCOL_ERROR, 'draining'],
  ['the saga sends terminate', terminate(SERVER_TERMINATED), SERVER_TERMINATED, 'policy'],
  ['terminate for a protocol error', terminate(PROTOCOL_ERROR), PROTOCOL_ERROR, 'policy'],
  [
    'terminate without a reason',
    terminate(TerminationReason.TERMINATION_REASON_UNSPECIFIED),
    SERVER_TERMINATED,
    'policy',
  ],
];

const expectedInstructions = (ringing: boolean, reason: TerminationReason): CallInstruction[] => [
  ...(ringing ? [{ $case: 'cancelCallee', value: { calleeLegId: LEG } } as const] : []),
  { $case: 'hangup', value: { reason } },
];

describe('termination from every active state', () => {
  it.each(
    activeStates.flatMap(([label, history, ringing]) =>
      terminations.map(
        ([how, input, reason, detail]) =>
          [label, how, history, ringing, input, reason, detail] as const,
      ),
    ),
  )('%s, %s → DISCONNECTED', (_label, _how, history, ringing, input, reason, detail) => {
    given(...history())
      .when(input)
      .thenEvents({ $case: 'terminated', value: { reason, detail } })
      .thenInstructions(...expectedInstructions(ringing, reason))
      .thenState({
        state: CallState.CALL_STATE_DISCONNECTED,
        terminationReason: reason,
        pendingConnect: null,
        bridge: 'NONE',
      });
  });

  it.each([
    ['ANSWERED, callee ringing', inState.answeredRinging, true],
    ['CONNECTED', inState.connected, false],
  ] as const)('%s, disconnect() → DISCONNECTED for everyone', (_label, history, ringing) => {
    given(...history())
      .when(disconnect())
      .thenEvents({ $case: 'terminated', value: { reason: DISCONNECTED, detail: '' } })
      .thenInstructions(...expectedInstructions(ringing, DISCONNECTED));
  });
});

describe('the callee hanging up', () => {
  it('ends a CONNECTED call', () => {
    given(...inState.connected())
      .when(calleeHungUp())
      .thenEvents({ $case: 'terminated', value: { reason: CALLEE_HUNG_UP, detail: '' } })
      .thenInstructions({ $case: 'hangup', value: { reason: CALLEE_HUNG_UP } })
      .thenState({ state: CallState.CALL_STATE_DISCONNECTED });
  });

  it.each([
    ['PENDING', inState.pendingRinging],
    ['ANSWERED', inState.answeredRinging],
  ])('changes nothing on a %s call, whose callee is not in it', (_label, history) => {
    given(...history())
      .when(calleeHungUp())
      .thenIgnored('NO_CALLEE_IN_CALL')
      .thenInstructions();
  });

  it('without saying which party is refused', () => {
    given(...inState.connected())
      .when(partyHungUp(0))
      .thenRejected('INVALID_ARGUMENT');
  });
});

describe('the terminate command', () => {
  it.each([
    ['CALLER_HUNG_UP', CALLER_HUNG_UP],
    ['DISCONNECTED', DISCONNECTED],
    ['MEDIA_LOST', MEDIA_LOST],
  ])("refuses a reason that is not the server's own (%s)", (_label, reason) => {
    given(...inState.answered())
      .when(terminate(reason))
      .thenRejected('INVALID_ARGUMENT');
  });

  it('ends the bridge AGENT_LEFT left behind, like a server termination', () => {
    given(...inState.agentLeft())
      .when(terminate())
      .thenEvents({ $case: 'bridgeEnded', value: { reason: SERVER_TERMINATED } })
      .thenInstructions({ $case: 'hangup', value: { reason: SERVER_TERMINATED } });
  });

  it('is CALL_CLOSED on a call with nothing left to end', () => {
    given(...inState.disconnected())
      .when(terminate())
      .thenRejected('CALL_CLOSED');
    given(...inState.bridgeEnded())
      .when(terminate())
      .thenRejected('CALL_CLOSED');
  });

  it('is idempotent by command id', () => {
    given(...inState.answered(), was.terminated(SERVER_TERMINATED, 'cmd-terminate'))
      .when(terminate())
      .thenIgnored('DUPLICATE_INPUT');
  });
});
