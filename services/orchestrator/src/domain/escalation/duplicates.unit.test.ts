import { NO_DECISION } from './decide';
import { escalationConfig } from './escalationConfig';
import type { EscalationInput, EscalationInputKind } from './inputs';
import { escalationSpec, runInputs } from './testing/escalationSpec';
import { T0, ids, input } from './testing/fixtures';

const config = escalationConfig({ fallback: { mode: 'voicemail' } });
const spec = escalationSpec(config);

const requested = input.requested(T0);
const saved = input.contextSaved(T0 + 200);
const announced = input.played(ids.transition, T0 + 3_000);
const connecting = [requested, saved, announced];
const answered = input.connected(T0 + 20_000);
const offering = [
  ...connecting,
  input.connectFailed('CALL_UNANSWERED', T0 + 33_000),
  input.played(ids.apology, T0 + 40_000),
];
const recording = [...offering, input.chose('voicemail', T0 + 41_000)];

/** For each kind of input: where it matters, and the input. */
const cases: Record<EscalationInputKind, [EscalationInput[], EscalationInput]> = {
  EscalationRequested: [[], requested],
  AgentFinished: [[], input.agentFinished(T0)],
  ContextSaved: [[requested], saved],
  ContextSaveFailed: [[requested], input.contextSaveFailed(T0 + 200)],
  SpeechPlayed: [[requested, saved], announced],
  CallConnected: [connecting, answered],
  CallConnectFailed: [connecting, input.connectFailed('CALLEE_BUSY', T0 + 33_000)],
  CommandRejected: [connecting, input.rejected(ids.connect, 'WRONG_STATE', T0 + 4_000)],
  AgentModeChanged: [[...connecting, answered], input.modeChanged(T0 + 20_100)],
  CallerChose: [offering, input.chose('callback', T0 + 41_000)],
  VoicemailRecorded: [recording, input.voicemailRecorded(T0 + 60_000)],
  CallTerminated: [connecting, input.terminated(T0 + 10_000)],
  TimerFired: [connecting, input.fired('connect', T0 + 38_000)],
};

describe('a redelivered input (same input id) changes nothing and issues nothing', () => {
  it.each(Object.entries(cases))('%s', (_kind, [history, first]) => {
    const once = runInputs(config, [...history, first]);
    expect(once.decisions.at(-1)?.events.length).toBeGreaterThan(0);

    const { decision, before, after } = spec
      .given(...history, first)
      .when({ ...first, nowMs: first.nowMs + 5 });
    expect(decision).toEqual(NO_DECISION);
    expect(after).toEqual(before);
  });
});

describe('the same fact reported twice under different ids is recorded, and issues nothing', () => {
  it.each([
    [
      'the transition line played',
      [requested, saved, announced],
      input.played(ids.transition, T0 + 3_001, false, 'again'),
    ],
    ['the callee answered', [...connecting, answered], input.connected(T0 + 20_001, 'again')],
    [
      'connect failed',
      [...connecting, input.connectFailed('CALLEE_BUSY', T0 + 33_000)],
      input.connectFailed('CALLEE_BUSY', T0 + 33_001, 'again'),
    ],
  ])('%s', (_what, history, again) => {
    const { decision, before, after } = spec.given(...history).when(again);
    expect(decision.effects).toEqual([]);
    expect(decision.events.map((e) => e.payload?.$case)).toEqual(['inputAccepted']);
    expect(after.phase).toEqual(before.phase);
  });
});
