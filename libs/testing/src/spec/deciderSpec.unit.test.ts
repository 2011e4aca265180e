import {
  CallInvariantError,
  type CallEvent,
  type CallState,
  decide,
  decideEvents,
  evolve,
  initialState,
} from '../__fixtures__/sampleCall';
import { deciderSpec } from './deciderSpec';
import { SpecFailedError, SpecUsageError } from './specErrors';

const started: CallEvent = { type: 'Started', callId: 'c1' };
const answered: CallEvent = { type: 'Answered', atMs: 1_000 };
const ended: CallEvent = { type: 'Ended', reason: 'HANGUP' };
const answer = { type: 'Answer', nowMs: 1_000 } as const;

/** The SpecFailedError `run` throws, to check what it says. */
const failureOf = (run: () => void): SpecFailedError => {
  try {
    run();
  } catch (err) {
    if (err instanceof SpecFailedError) return err;
    throw err;
  }
  throw new Error('expected the spec to fail');
};

describe('deciderSpec with a decide that returns { ok, events } | { ok: false, error }', () => {
  const spec = deciderSpec({ decide, evolve, initialState });

  it('then: passes when decide returns exactly the expected events', () => {
    spec.given([started]).when(answer).then([answered]);
  });

  it('then: fails with the actual and expected events when they differ', () => {
    const failure = failureOf(() =>
      spec
        .given([started])
        .when(answer)
        .then([{ type: 'Answered', atMs: 2_000 }]),
    );
    expect(failure.message).toBe('then: decide returned other events than expected');
    expect(failure.actual).toEqual([answered]);
    expect(failure.expected).toEqual([{ type: 'Answered', atMs: 2_000 }]);
    expect(failure.code).toBe('ERR_ASSERTION'); // jest renders it as a diff
    // and shows the code around this test's line, not the spec's internals
    expect(failure.stack?.split('\n')[1]).toContain('deciderSpec.unit.test.ts');
  });

  it('then: fails on extra, missing or reordered events', () => {
    expect(() => spec.given([started]).when(answer).then([answered, answered])).toThrow(
      SpecFailedError,
    );
    expect(() => spec.given([started]).when(answer).then([])).toThrow(SpecFailedError);
    expect(() => spec.when({ type: 'HangUp' }).then([])).toThrow(SpecFailedError);
  });

  it('then: fails when decide returned an error instead of events', () => {
    const failure = failureOf(() => spec.when(answer).then([answered]));
    expect(failure.message).toBe('then: expected events, but decide returned an error');
    expect(failure.actual).toEqual({ code: 'NOT_PENDING', status: 'Idle' });
  });

  it('then: accepts an assertion function for the events', () => {
    spec
      .given([started])
      .when(answer)
      .then((events) => expect(events).toHaveLength(1));
    expect(() =>
      spec
        .given([started])
        .when(answer)
        .then((events) => expect(events).toHaveLength(2)),
    ).toThrow();
  });

  it('given: folds the events in order before deciding', () => {
    spec.given([started, answered]).when({ type: 'HangUp' }).then([ended]);
    spec.given([started, answered]).when(answer).thenError({ status: 'Answered' });
    spec.given([started, ended]).when(answer).thenError({ status: 'Ended' });
  });

  it('thenNothing: passes for no events, fails for events or an error', () => {
    spec.given([started, ended]).when({ type: 'HangUp' }).thenNothing();
    expect(() => spec.given([started]).when({ type: 'HangUp' }).thenNothing()).toThrow(
      SpecFailedError,
    );
    expect(() => spec.when(answer).thenNothing()).toThrow(SpecFailedError);
  });

  it('thenError: matches a returned error by partial object and by predicate', () => {
    spec.when(answer).thenError({ code: 'NOT_PENDING' });
    spec.when(answer).thenError({ code: 'NOT_PENDING', status: 'Idle' });
    spec.when(answer).thenError((error) => error.code === 'NOT_PENDING');
    spec.when(answer).thenError((error) => expect(error.status).toBe('Idle'));
  });

  it('thenError: fails for another error, for events, and for a thrown exception', () => {
    const other = failureOf(() => spec.when(answer).thenError({ code: 'ALREADY_ENDED' }));
    expect(other.message).toMatch(/does not match/);
    expect(other.actual).toEqual({ code: 'NOT_PENDING', status: 'Idle' });

    expect(() => spec.when(answer).thenError((error) => error.status === 'Pending')).toThrow(
      SpecFailedError,
    );
    const events = failureOf(() => spec.given([started]).when(answer).thenError({}));
    expect(events.message).toMatch(
      /^thenError: expected an error matching {}, but decide returned events$/,
    );
    const thrown = failureOf(() => spec.when({ type: 'Corrupt' }).thenError({}));
    expect(thrown.message).toMatch(/^thenError: decide threw CallInvariantError: corrupt command/);
    expect(thrown.cause).toBeInstanceOf(CallInvariantError);
  });

  it('thenThrows: passes for a thrown exception, fails for a returned error or events', () => {
    spec.when({ type: 'Corrupt' }).thenThrows();
    spec.when({ type: 'Corrupt' }).thenThrows(CallInvariantError);
    spec.when({ type: 'Corrupt' }).thenThrows(/corrupt/);
    expect(() => spec.when({ type: 'Corrupt' }).thenThrows(TypeError)).toThrow(SpecFailedError);
    expect(() => spec.when(answer).thenThrows()).toThrow(SpecFailedError);
    expect(() => spec.given([started]).when(answer).thenThrows()).toThrow(SpecFailedError);
  });

  it('thenState: folds the new events onto the given state', () => {
    spec.given([started]).when(answer).thenState({ status: 'Answered', answeredAtMs: 1_000 });
    spec
      .given([started])
      .when(answer)
      .thenState((state) => expect(state.status).toBe('Answered'));
    const failure = failureOf(() =>
      spec.given([started]).when(answer).thenState({ status: 'Answered' }),
    );
    expect(failure.actual).toEqual({ status: 'Answered', answeredAtMs: 1_000 });
    expect(() => spec.when(answer).thenState({ status: 'Idle' })).toThrow(SpecFailedError);
  });

  it('types the events and the error from decide', () => {
    // @ts-expect-error: not a CallEvent
    expect(() => spec.when(answer).then([{ type: 'Answred', atMs: 1 }])).toThrow();
    // @ts-expect-error: not one of the rejection codes
    expect(() => spec.when(answer).thenError({ code: 'NOPE' })).toThrow();
  });
});

describe('deciderSpec with a decide that returns an array of events', () => {
  const spec = deciderSpec({ decide: decideEvents, evolve, initialState });

  it('uses the array as the events, and sees rejections as exceptions', () => {
    spec.given([started]).when(answer).then([answered]);
    spec.when(answer).thenThrows(CallInvariantError);
    expect(() => spec.given([started]).when(answer).then([ended])).toThrow(SpecFailedError);
  });

  it('starts every assertion from a fresh initialState()', () => {
    const mutable = deciderSpec({
      initialState: (): { seen: number[] } => ({ seen: [] }),
      evolve: (state: { seen: number[] }, event: number) => {
        state.seen.push(event); // impure on purpose: a shared state would leak between runs
        return state;
      },
      decide: (_command: 'count', state: { seen: number[] }) => [state.seen.length],
    });
    mutable.given([7, 8]).when('count').then([2]);
    mutable.given([7, 8]).when('count').then([2]);
    mutable.when('count').then([0]);
  });
});

describe('deciderSpec with another result shape', () => {
  type Decision = { kind: 'Accepted'; events: CallEvent[] } | { kind: 'Rejected'; reason: string };
  const decideKind = (command: { type: 'Answer'; nowMs: number }, state: CallState): Decision => {
    const result = decide(command, state);
    return result.ok
      ? { kind: 'Accepted', events: result.events }
      : { kind: 'Rejected', reason: result.error.code };
  };

  it('reads it through toEvents, typing the error from the adapter', () => {
    const spec = deciderSpec({
      decide: decideKind,
      evolve,
      initialState,
      toEvents: (result) =>
        result.kind === 'Accepted'
          ? { ok: true, events: result.events }
          : { ok: false, error: result.reason },
    });
    spec.given([started]).when(answer).then([answered]);
    spec.when(answer).thenError('NOT_PENDING');
    spec.when(answer).thenError(/PENDING/);
    expect(() => spec.when(answer).thenError('OTHER')).toThrow(SpecFailedError);
  });

  it('without toEvents, says so with SpecUsageError (which thenThrows does not swallow)', () => {
    const spec = deciderSpec({ decide: decideKind, evolve, initialState });
    expect(() => spec.given([started]).when(answer).then([answered])).toThrow(SpecUsageError);
    expect(() => spec.given([started]).when(answer).thenThrows()).toThrow(/pass toEvents/);
  });
});
