import { AgentMode, type CallEvent, CallState } from '@warmline/contracts';
import { type CallAggregate, initialState } from '../callAggregate';
import type { CallInput } from '../callInput';
import { decide } from '../decide';
import { evolve } from '../evolve';
import { given, testContext } from './callSpec.test';
import {
  LEG,
  answer,
  answerFailed,
  answerSucceeded,
  calleeAnswered,
  calleeFailed,
  close,
  command,
  connect,
  disconnect,
  dtmf,
  inState,
  setAgentMode,
  startCall,
  was,
} from './fixtures.test';

describe('a command applied before', () => {
  it.each([
    ['answer', [...inState.answered()], answer()],
    ['connect', [...inState.answeredRinging()], connect()],
    [
      'a mode change',
      [...inState.connected(), was.modeChanged(AgentMode.AGENT_MODE_SPY)],
      setAgentMode(AgentMode.AGENT_MODE_SPY),
    ],
    ['close (call now DISCONNECTED)', [...inState.closedWhileAnswered()], close()],
    ['disconnect (call now DISCONNECTED)', [...inState.disconnected()], disconnect()],
  ])('%s succeeds again with no new events or instructions', (_label, history, input) => {
    given(...history)
      .when(input)
      .thenIgnored('DUPLICATE_INPUT')
      .thenInstructions()
      .thenTimers();
  });

  it('is a duplicate even after the state moved on (connect, then the callee answered)', () => {
    given(...inState.connected())
      .when(connect())
      .thenIgnored('DUPLICATE_INPUT');
  });

  it('that failed at the gateway gets the same failure again', () => {
    const { decision } = given(...inState.pending(), was.answerFailed('cmd-answer'))
      .when(answer('cmd-answer'))
      .thenRejected('ANSWER_FAILED');
    expect(!decision.ok && decision.error.gatewayErrorCode).toBe('MEDIA_UNAVAILABLE');
  });

  it('is not remembered when it was rejected: a retry is decided afresh', () => {
    const premature = given(...inState.pending()).when(
      setAgentMode(AgentMode.AGENT_MODE_SPY, 'cmd-m'),
    );
    premature.thenRejected('WRONG_STATE');
    given(...inState.connected())
      .when(setAgentMode(AgentMode.AGENT_MODE_SPY, 'cmd-m'))
      .thenEvents({ $case: 'agentModeChanged', value: { mode: AgentMode.AGENT_MODE_SPY } });
  });
});

describe('gateway facts and outcomes seen before', () => {
  it.each([
    ['callee answered', inState.connected(), calleeAnswered(LEG, 'sig-answered')],
    [
      'callee failed',
      [...inState.answeredRinging(), was.connectFailed('CALLEE_BUSY', 'sig-f')],
      calleeFailed('CALLEE_BUSY', LEG, 'sig-f'),
    ],
    ['answer outcome', inState.answered(), answerSucceeded('cmd-answer')],
    [
      'answer failure',
      [...inState.pending(), was.answerFailed('cmd-answer')],
      answerFailed('X', 'cmd-answer'),
    ],
  ])('%s: no new events', (_label, history, input) => {
    const { decision } = given(...history).when(input);
    expect(decision.ok ? decision.events : []).toEqual([]);
  });

  it('a repeated DTMF signal is not a second key press', () => {
    const first = given(...inState.answered()).when(dtmf('7', 'sig-d1'));
    first.thenEvents({ $case: 'dtmfReceived', value: { digit: '7', durationMs: 120 } });
    const events = first.decision.ok ? first.decision.events : [];
    given(...inState.answered(), ...events)
      .when(dtmf('7', 'sig-d1'))
      .thenIgnored('DUPLICATE_INPUT');
  });

  it('a repeated start request does not start a second call', () => {
    given(...inState.answered())
      .when(startCall())
      .thenIgnored('DUPLICATE_INPUT');
    given(...inState.answered())
      .when(startCall('call-other'))
      .thenRejected('INVALID_ARGUMENT');
  });
});

describe('delivering every input twice', () => {
  const run = (inputs: readonly CallInput[]) => {
    let call: CallAggregate = initialState();
    const stream: CallEvent[] = [];
    const ids = testContext(); // one id source for the whole run
    inputs.forEach((input, index) => {
      const decision = decide(input, call, { ...ids, nowMs: 1_000 * index });
      if (!decision.ok) return;
      stream.push(...decision.events);
      call = decision.events.reduce(evolve, call);
    });
    return { call, payloads: stream.map((event) => event.payload) };
  };

  it('yields the same events and state as delivering each once', () => {
    const flow = [
      startCall(),
      answer(),
      answerSucceeded(),
      connect(30),
      calleeAnswered('id-4', 'sig-a'), // the leg connect placed
      setAgentMode(AgentMode.AGENT_MODE_WHISPER),
      close(),
      callerHungUpOnBridge(),
    ];
    const once = run(flow);
    const twice = run(flow.flatMap((input) => [input, input]));
    expect(twice.payloads).toEqual(once.payloads);
    expect(once.payloads.map((payload) => payload?.$case)).toEqual([
      'started',
      'answerRequested',
      'answered',
      'connectRequested',
      'connected',
      'agentModeChanged',
      'terminated',
      'bridgeEnded',
    ]);
    expect(twice.call.exists && twice.call.state).toBe(CallState.CALL_STATE_DISCONNECTED);
    expect(twice.call.exists && twice.call.bridge).toBe('ENDED');
  });
});

function callerHungUpOnBridge(): CallInput {
  return {
    kind: 'gatewaySignal',
    signal: {
      signalId: 'sig-bye',
      callId: 'call-1',
      occurredAtMs: 0,
      payload: { $case: 'partyHungUp', value: { party: 1 } },
    },
  };
}

describe('inputs that cannot be made idempotent', () => {
  it('a command without an id is refused', () => {
    given(...inState.answered())
      .when(close(''))
      .thenRejected('INVALID_ARGUMENT');
  });

  it('a command for another call is refused', () => {
    const input = close('cmd-x');
    given(...inState.answered())
      .when({ kind: 'command', command: { ...input.command, callId: 'call-2' } })
      .thenRejected('INVALID_ARGUMENT');
  });

  it('a command without a payload is refused', () => {
    const { command: withPayload } = command({ $case: 'close', value: {} }, 'cmd-y');
    given(...inState.answered())
      .when({ kind: 'command', command: { ...withPayload, payload: undefined } })
      .thenRejected('INVALID_ARGUMENT');
  });
});
