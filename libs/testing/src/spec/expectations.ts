import { inspect, isDeepStrictEqual } from 'node:util';
import { type ErrorMatcher, matchesError } from './errorMatcher';
import type { Outcome } from './outcome';
import { type SpecAssertion, SpecFailedError } from './specErrors';

/** The model a spec runs. */
export interface SpecModel<TInput, TEvent, TState, TResult, TOutput, TError> {
  decide: (input: TInput, state: TState) => TResult;
  evolve: (state: TState, event: TEvent) => TState;
  initialState: () => TState;
  /** Reads decide's result; it runs outside the try around decide, so its errors are not decide's. */
  toOutcome: (result: TResult) => Outcome<TOutput, TError>;
  /** What the outputs are called in messages: `'events'` or `'effects'`. */
  outputs: 'events' | 'effects';
}

/**
 * The assertions after `given(...).when(...)`; each runs decide afresh and throws
 * {@link SpecFailedError} if unmet. (Members are function properties, so they can be passed on.)
 */
export interface Expectations<TOutput, TError> {
  /**
   * decide returned exactly `expected` (node's deep strict equality, order included: a property
   * set to `undefined` differs from a missing one), or, given a function, decide returned outputs
   * and the function's own assertions hold for them.
   */
  readonly then: (expected: readonly TOutput[] | ((actual: readonly TOutput[]) => void)) => void;
  /** decide returned no outputs and no error. */
  readonly thenNothing: () => void;
  /** decide returned (not threw) an error that matches (see {@link ErrorMatcher}). */
  readonly thenError: (matcher: ErrorMatcher<TError>) => void;
  /** decide threw, optionally an exception that matches: for broken invariants, not outcomes. */
  readonly thenThrows: (matcher?: ErrorMatcher<unknown>) => void;
}

/** How values appear in failure messages. */
export const show = (value: unknown): string => inspect(value, { depth: 8, breakLength: 100 });

/** Folds `events` over the initial state with evolve. */
export const foldEvents = <TEvent, TState>(
  model: { evolve: (state: TState, event: TEvent) => TState; initialState: () => TState },
  events: readonly TEvent[],
): TState => events.reduce((state, event) => model.evolve(state, event), model.initialState());

/**
 * The given/when/then engine behind deciderSpec and workflowSpec. `decided` gives the state after
 * `given` and the outcome, for wrappers that add assertions of their own.
 */
export const expectationsFor = <TInput, TEvent, TState, TResult, TOutput, TError>(
  model: SpecModel<TInput, TEvent, TState, TResult, TOutput, TError>,
  given: readonly TEvent[],
  input: TInput,
) => {
  const what = model.outputs;
  const decided = (assertion: SpecAssertion, expected: unknown) => {
    const state = foldEvents(model, given);
    let result: TResult;
    try {
      result = model.decide(input, state);
    } catch (err) {
      const message = `${assertion}: decide threw ${show(err)}`;
      throw new SpecFailedError(assertion, message, { actual: err, expected, cause: err });
    }
    return { state, outcome: model.toOutcome(result) };
  };
  /** The outputs, failing if decide returned an error instead. */
  const outputsOf = (assertion: SpecAssertion, expected: unknown): readonly TOutput[] => {
    const { outcome } = decided(assertion, expected);
    if (outcome.ok) return outcome.outputs;
    const message = `${assertion}: expected ${what}, but decide returned an error`;
    throw new SpecFailedError(assertion, message, { actual: outcome.error, expected });
  };

  const expectations: Expectations<TOutput, TError> = {
    then: (expected) => {
      if (typeof expected === 'function') return expected(outputsOf('then', `some ${what}`));
      const actual = outputsOf('then', expected);
      if (!isDeepStrictEqual(actual, expected)) {
        const message = `then: decide returned other ${what} than expected`;
        throw new SpecFailedError('then', message, { actual, expected });
      }
    },
    thenNothing: () => {
      const actual = outputsOf('thenNothing', []);
      if (actual.length > 0) {
        const message = `thenNothing: expected no ${what}, but decide returned some`;
        throw new SpecFailedError('thenNothing', message, { actual, expected: [] });
      }
    },
    thenError: (matcher) => {
      const { outcome } = decided('thenError', matcher);
      if (outcome.ok) {
        const message = `thenError: expected an error matching ${show(matcher)}, but decide returned ${what}`;
        throw new SpecFailedError('thenError', message, {
          actual: outcome.outputs,
          expected: matcher,
        });
      }
      if (!matchesError(outcome.error, matcher)) {
        const message = `thenError: decide returned an error that does not match ${show(matcher)}`;
        throw new SpecFailedError('thenError', message, {
          actual: outcome.error,
          expected: matcher,
        });
      }
    },
    thenThrows: (matcher) => {
      const expected = matcher ?? 'an exception';
      const state = foldEvents(model, given);
      let result: TResult;
      try {
        result = model.decide(input, state);
      } catch (err) {
        if (matcher === undefined || matchesError(err, matcher)) return;
        const message = `thenThrows: decide threw an exception that does not match ${show(matcher)}`;
        throw new SpecFailedError('thenThrows', message, { actual: err, expected, cause: err });
      }
      const outcome = model.toOutcome(result);
      const returned = outcome.ok ? outcome.outputs : outcome.error;
      const message = `thenThrows: expected decide to throw, but it returned ${outcome.ok ? what : 'an error'}`;
      throw new SpecFailedError('thenThrows', message, { actual: returned, expected });
    },
  };
  return { expectations, decided };
};
