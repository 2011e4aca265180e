import { type CallEvent, CallState } from '@warmline/contracts';
import type { CallCommandName } from '../allowedCommands';
import type { CallInput } from '../callInput';
import { given } from './callSpec.test';
import {
  answerSucceeded,
  calleeAnswered,
  calleeFailed,
  calleeRinging,
  callerHungUp,
  dtmf,
  everyCommand,
  inState,
  LEG,
  mediaLost,
  ringTimeout,
  serverTermination,
} from './fixtures.test';

/**
 * The seed's "methods allowed" column, written out independently of the implementation,
 * plus `terminate`: the seed's server-side termination, allowed from every active state.
 */
const seedAllows: Record<string, readonly CallCommandName[]> = {
  PENDING: ['answer', 'connect', 'terminate'],
  ANSWERED: ['connect', 'close', 'disconnect', 'terminate'],
  CONNECTED: ['setAgentMode', 'close', 'disconnect', 'terminate'],
  DISCONNECTED: [],
};

/** After close() while CONNECTED, a server-side termination still ends the caller-callee bridge. */
const AGENT_LEFT = 'DISCONNECTED by close() while CONNECTED';
const allowedIn = (state: string, label: string): readonly CallCommandName[] =>
  label === AGENT_LEFT ? ['terminate'] : seedAllows[state]!;

/** Every way of being in each state, including a ringing connect and each way of ending. */
const situations: ReadonlyArray<readonly [string, string, () => CallEvent[]]> = [
  ['PENDING', 'PENDING', inState.pending],
  ['PENDING', 'PENDING, callee ringing', inState.pendingRinging],
  ['ANSWERED', 'ANSWERED', inState.answered],
  ['ANSWERED', 'ANSWERED, callee ringing', inState.answeredRinging],
  ['CONNECTED', 'CONNECTED', inState.connected],
  ['CONNECTED', 'CONNECTED after a pre-answer connect', inState.connectedPreAnswer],
  ['DISCONNECTED', 'DISCONNECTED by close() while ANSWERED', inState.closedWhileAnswered],
  ['DISCONNECTED', 'DISCONNECTED by disconnect()', inState.disconnected],
  ['DISCONNECTED', 'DISCONNECTED by close() while CONNECTED', inState.agentLeft],
  ['DISCONNECTED', 'DISCONNECTED, bridge ended', inState.bridgeEnded],
];

const commandNames = Object.keys(everyCommand) as CallCommandName[];

const forbidden = situations.flatMap(([state, label, history]) =>
  commandNames
    .filter((name) => !allowedIn(state, label).includes(name))
    .map((name) => [label, name, state, history] as const),
);

const allowed = situations.flatMap(([state, label, history]) =>
  allowedIn(state, label).map((name) => [label, name, history] as const),
);

describe('every command the seed forbids, in every state', () => {
  it('covers the whole matrix', () => {
    // 10 situations x 6 commands: 2x3 + 2x2 + 2x2 forbidden in active states, 4x6 when
    // closed, less terminate on the bridge AGENT_LEFT left behind.
    expect(forbidden).toHaveLength(2 * 3 + 2 * 2 + 2 * 2 + 4 * 6 - 1);
    expect(forbidden.length + allowed.length).toBe(situations.length * commandNames.length);
  });

  it.each(forbidden)('%s: %s is rejected and changes nothing', (_label, name, state, history) => {
    const expectedCode = state === 'DISCONNECTED' ? 'CALL_CLOSED' : 'WRONG_STATE';
    const result = given(...history())
      .when(everyCommand[name])
      .thenRejected(expectedCode);
    expect(result.after).toBe(result.before);
  });

  it.each(allowed)('%s: %s is not refused for the state', (_label, name, history) => {
    const { decision } = given(...history()).when(everyCommand[name]);
    // Allowed commands may still fail their own checks (a connect already ringing).
    if (!decision.ok) expect(decision.error.code).toBe('CONNECT_IN_PROGRESS');
  });
});

describe('a DISCONNECTED call accepts nothing but facts about the bridge AGENT_LEFT left', () => {
  const notBridgeFacts: ReadonlyArray<readonly [string, CallInput]> = [
    ['callee ringing', calleeRinging()],
    ['callee answered', calleeAnswered(LEG, 'sig-late-answer')],
    ['callee failed', calleeFailed('CALLEE_BUSY')],
    ['DTMF', dtmf()],
    ['answer outcome', answerSucceeded('cmd-late-answer')],
    ['ring timeout', ringTimeout()],
  ];
  const bridgeFacts: ReadonlyArray<readonly [string, CallInput]> = [
    ['caller hung up', callerHungUp()],
    ['media lost', mediaLost()],
    ['server termination', serverTermination()],
  ];
  const closedWithoutBridge = situations.filter(
    ([state, label]) => state === 'DISCONNECTED' && !label.includes('close() while CONNECTED'),
  );

  it.each(
    closedWithoutBridge.flatMap(([, label, history]) =>
      [...notBridgeFacts, ...bridgeFacts].map(
        ([name, input]) => [label, name, history, input] as const,
      ),
    ),
  )('%s: %s → CALL_CLOSED', (_label, _name, history, input) => {
    given(...history())
      .when(input)
      .thenRejected('CALL_CLOSED');
  });

  it.each(notBridgeFacts)('after AGENT_LEFT: %s → CALL_CLOSED', (_name, input) => {
    given(...inState.agentLeft())
      .when(input)
      .thenRejected('CALL_CLOSED');
  });
});

describe('a call that never started', () => {
  const inputs: ReadonlyArray<readonly [string, CallInput]> = [
    ...commandNames.map((name) => [name, everyCommand[name]] as const),
    ['a gateway signal', callerHungUp()],
    ['an answer outcome', answerSucceeded()],
    ['a ring timeout', ringTimeout()],
    ['a server termination', serverTermination()],
  ];

  it.each(inputs)('%s → CALL_NOT_FOUND', (_name, input) => {
    const { decision } = given().when(input).thenRejected('CALL_NOT_FOUND');
    expect(!decision.ok && decision.error.state).toBe(CallState.CALL_STATE_UNSPECIFIED);
  });
});
