import { type Effect, type EscalationEvent, escalation } from '../__fixtures__/sampleCall';
import { SpecFailedError } from './specErrors';
import { workflowSpec } from './workflowSpec';

const requested: EscalationEvent = { type: 'Requested', callId: 'c1' };
const finished: EscalationEvent = { type: 'Finished' };
const escalationRequested = { type: 'EscalationRequested', callId: 'c1', nowMs: 5 } as const;

describe('workflowSpec with a decide that returns effects', () => {
  const spec = workflowSpec(escalation);

  it('then: passes for exactly the expected effects, in order', () => {
    spec.when(escalationRequested).then([
      { kind: 'Send', command: { type: 'PlayHold', callId: 'c1' } },
      { kind: 'Schedule', input: { type: 'TimedOut' }, afterMs: 30_000 },
    ]);
  });

  it('then: fails for other, fewer or reordered effects', () => {
    const send: Effect = { kind: 'Send', command: { type: 'PlayHold', callId: 'c1' } };
    const schedule: Effect = { kind: 'Schedule', input: { type: 'TimedOut' }, afterMs: 30_000 };
    expect(() => spec.when(escalationRequested).then([schedule, send])).toThrow(SpecFailedError);
    expect(() => spec.when(escalationRequested).then([send])).toThrow(SpecFailedError);
    let failure: unknown;
    try {
      spec.when(escalationRequested).then([send, { ...schedule, afterMs: 60_000 }]);
    } catch (err) {
      failure = err;
    }
    expect(failure).toBeInstanceOf(SpecFailedError);
    expect((failure as SpecFailedError).message).toBe(
      'then: decide returned other effects than expected',
    );
  });

  it('given: decides in the state its own past events give', () => {
    spec.given([requested]).when({ type: 'TimedOut' }).thenNothing();
    spec
      .given([requested, finished])
      .when({ type: 'TimedOut' })
      .then([{ kind: 'Ignore', reason: 'FINISHED' }]);
    expect(() =>
      spec.given([requested, finished]).when({ type: 'TimedOut' }).thenNothing(),
    ).toThrow(SpecFailedError);
  });

  it('thenThrows: for an input the workflow cannot handle', () => {
    spec.when({ type: 'AgentUnknown', agentId: 'a9' }).thenThrows(/unknown agent a9/);
  });

  it('infers the effect type from decide', () => {
    // @ts-expect-error: not an Effect
    expect(() => spec.when(escalationRequested).then([{ kind: 'Publish' }])).toThrow();
  });
});

describe('workflowSpec with a decide that returns { ok, effects } | { ok: false, error }', () => {
  const spec = workflowSpec({
    ...escalation,
    decide: (
      input: Parameters<typeof escalation.decide>[0],
      state: Parameters<typeof escalation.decide>[1],
    ) =>
      input.type === 'AgentUnknown'
        ? { ok: false as const, error: { code: 'UNKNOWN_AGENT' as const, agentId: input.agentId } }
        : { ok: true as const, effects: escalation.decide(input, state) },
  });

  it('thenError: matches the returned error; then and thenNothing fail on it', () => {
    const unknownAgent = { type: 'AgentUnknown', agentId: 'a9' } as const;
    spec.when(unknownAgent).thenError({ code: 'UNKNOWN_AGENT', agentId: 'a9' });
    expect(() => spec.when(unknownAgent).thenError({ agentId: 'a1' })).toThrow(SpecFailedError);
    expect(() => spec.when(unknownAgent).then([])).toThrow(SpecFailedError);
    expect(() => spec.when(unknownAgent).thenNothing()).toThrow(SpecFailedError);
    expect(() => spec.when(unknownAgent).thenThrows()).toThrow(SpecFailedError);
  });

  it('then: reads the effects from the result object', () => {
    spec
      .given([requested, finished])
      .when({ type: 'TimedOut' })
      .then([{ kind: 'Ignore', reason: 'FINISHED' }]);
    expect(() => spec.when(escalationRequested).thenError({})).toThrow(
      /but decide returned effects/,
    );
  });
});
