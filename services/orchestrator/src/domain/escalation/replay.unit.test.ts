import { type EscalationEvent, EscalationStep } from '@warmline/contracts';
import { decide } from './decide';
import { effectsOf } from './effectsOf';
import { escalationConfig } from './escalationConfig';
import { evolve } from './evolve';
import type { EscalationInput } from './inputs';
import { issuedIds, repeated } from './testing/assertions';
import { runInputs } from './testing/escalationSpec';
import { CALL_ID, T0, ids, input } from './testing/fixtures';
import { foldEscalation, undispatchedEffects } from './workflow';

const config = escalationConfig({ fallback: { mode: 'voicemail' } });
const start = [
  input.requested(T0, 'Dana'),
  input.contextSaved(T0 + 200),
  input.played(ids.transition, T0 + 3_000),
];

const paths: Record<string, EscalationInput[]> = {
  transferred: [
    ...start,
    input.connected(T0 + 20_000),
    input.modeChanged(T0 + 20_100),
    input.played(ids.briefing, T0 + 26_000),
    input.terminated(T0 + 26_500, 5),
  ],
  voicemail: [
    ...start,
    input.connectFailed('CALLEE_DECLINED', T0 + 10_000),
    input.played(ids.apology, T0 + 17_000),
    input.fired('choice', T0 + 23_000),
    input.terminated(T0 + 50_000),
    input.voicemailRecorded(T0 + 50_500),
  ],
  abandoned: [...start, input.fired('connect', T0 + 38_000), input.terminated(T0 + 40_000)],
  handledByAgent: [input.agentFinished(T0)],
};

describe.each(Object.entries(paths))('replaying the %s path', (_path, inputs) => {
  const run = runInputs(config, inputs);

  it('folding the stream from scratch gives the same state (how a restart resumes)', () => {
    expect(foldEscalation(CALL_ID, run.events)).toEqual(run.state);
    expect(run.state.version).toBe(run.events.length);
  });

  it('gives every event a unique id, caused by its input and correlated by the call', () => {
    const eventIds = run.events.map((e) => e.eventId);
    expect(repeated(eventIds)).toEqual([]);
    for (const event of run.events) expect(event.correlationId).toBe(CALL_ID);
  });

  it('issues each effect once over the whole run', () => {
    expect(repeated(issuedIds(run.effects))).toEqual([]);
  });

  it("crash after appending, before dispatching: every decision's effects are recomputed with identical ids", () => {
    let version = 0;
    for (const decision of run.decisions) {
      const appended = run.events.slice(0, version + decision.events.length);
      expect(undispatchedEffects(CALL_ID, appended, version, config)).toEqual(decision.effects);
      version += decision.events.length;
    }
  });

  it('a dispatch checkpoint several decisions behind recomputes all of them, in order', () => {
    expect(undispatchedEffects(CALL_ID, run.events, 0, config)).toEqual(run.effects);
  });

  it('crash before appending: the redone decision is identical, ids and times included', () => {
    let state = foldEscalation(CALL_ID, []);
    for (const next of inputs) {
      const first = decide(next, state, config);
      expect(decide(next, state, config)).toEqual(first);
      state = first.events.reduce(evolve, state);
    }
    expect(state).toEqual(run.state);
  });

  it('after the append, the redelivered input is dropped: nothing is appended or issued again', () => {
    let version = 0;
    for (const [n, next] of inputs.entries()) {
      version += run.decisions[n]!.events.length;
      const state = foldEscalation(CALL_ID, run.events.slice(0, version));
      expect(decide(next, state, config)).toEqual({ events: [], effects: [] });
    }
  });
});

describe('an effect recorded as issued is never issued again', () => {
  it('even if the stream were to enter its step a second time', () => {
    const run = runInputs(config, paths.transferred!.slice(0, 4));
    const reentry: EscalationEvent = {
      eventId: 'x/0',
      callId: CALL_ID,
      occurredAt: new Date(T0),
      causationId: 'x',
      correlationId: CALL_ID,
      payload: {
        $case: 'stepEntered',
        value: { step: EscalationStep.ESCALATION_STEP_CONNECTING, effectId: ids.connect },
      },
    };
    expect(effectsOf(run.state, [reentry], config)).toEqual([
      { kind: 'CancelTimer', timerId: ids.timer('agent-mode') },
    ]);
  });
});
