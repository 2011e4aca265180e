import { isDeepStrictEqual } from 'node:util';
import { type Expectations, expectationsFor } from './expectations';
import { type DecideResult, type ErrorOf, toOutcome } from './outcome';
import { SpecFailedError } from './specErrors';

/** A pure decider: the call aggregate's shape (Emmett's `Decider`). */
export interface DeciderDefinition<TCommand, TEvent, TState, TResult, TError> {
  decide: (command: TCommand, state: TState) => TResult;
  evolve: (state: TState, event: TEvent) => TState;
  initialState: () => TState;
  /**
   * Reads decide's result. Not needed when decide returns `TEvent[]` or a
   * {@link DecideResult} (`{ ok: true, events } | { ok: false, error }`); otherwise map the result
   * to one of those, e.g.
   * `(r) => (r.kind === 'Rejected' ? { ok: false, error: r.reason } : { ok: true, events: r.events })`.
   */
  toEvents?: (result: TResult) => readonly TEvent[] | DecideResult<TEvent, TError>;
}

/** The assertions of a decider spec: {@link Expectations} plus thenState. */
export interface DeciderExpectations<TEvent, TState, TError> extends Expectations<TEvent, TError> {
  /**
   * decide returned events, and folding them with evolve onto the given state gives `expected`
   * (deep strict equality), or the function's own assertions hold for that state.
   */
  readonly thenState: (expected: TState | ((state: TState) => void)) => void;
}

/** A decider spec; see {@link deciderSpec}. */
export interface DeciderSpec<TCommand, TEvent, TState, TError> {
  /** The decider's history, oldest first, folded with evolve from initialState(). */
  given(events: readonly TEvent[]): {
    when(command: TCommand): DeciderExpectations<TEvent, TState, TError>;
  };
  /** Same as `given([]).when(command)`: a command on the initial state. */
  when(command: TCommand): DeciderExpectations<TEvent, TState, TError>;
}

/**
 * Given/when/then tests for a pure decider, with no I/O (Emmett's `DeciderSpecification`):
 *
 * ```ts
 * const spec = deciderSpec({ decide, evolve, initialState });
 * spec.given([started]).when(answer).then([answered]);        // exactly these events
 * spec.given([started, hungUp]).when(answer).thenError({ code: 'CALL_DISCONNECTED' });
 * spec.given([started]).when(answer).thenState({ status: 'ANSWERED' });
 * spec.when(sendAudio).thenNothing();                          // no events, no error
 * spec.when(corrupt).thenThrows(InvariantError);               // an exception, not an outcome
 * ```
 *
 * decide may return `TEvent[]` or `{ ok: true, events } | { ok: false, error }`; `thenError`
 * checks a returned error (typed from that result), `thenThrows` a thrown one. For other shapes
 * pass `toEvents`. Each assertion runs decide afresh; a failure throws {@link SpecFailedError}
 * with the actual and expected values, which jest shows as a diff. The object returned by `when`
 * has a `then` method, so never `await` it or return it from an async test.
 */
export const deciderSpec = <TCommand, TEvent, TState, TResult, TError = ErrorOf<TResult>>(
  decider: DeciderDefinition<TCommand, TEvent, TState, TResult, TError>,
): DeciderSpec<TCommand, TEvent, TState, TError> => {
  const { toEvents } = decider;
  const model = {
    ...decider,
    outputs: 'events' as const,
    toOutcome: (result: TResult) =>
      toOutcome<TEvent, TError>(toEvents ? toEvents(result) : result, 'events', 'toEvents'),
  };
  const when = (given: readonly TEvent[], command: TCommand) => {
    const { expectations: base, decided } = expectationsFor(model, given, command);
    const thenState = (expected: TState | ((state: TState) => void)) => {
      const { state, outcome } = decided('thenState', expected);
      if (!outcome.ok) {
        const message = 'thenState: expected events, but decide returned an error';
        throw new SpecFailedError('thenState', message, { actual: outcome.error, expected });
      }
      const after = outcome.outputs.reduce((s, event) => decider.evolve(s, event), state);
      if (typeof expected === 'function') {
        (expected as (state: TState) => void)(after);
      } else if (!isDeepStrictEqual(after, expected)) {
        const message = 'thenState: the state after the new events is not the expected one';
        throw new SpecFailedError('thenState', message, { actual: after, expected });
      }
    };
    const expectations: DeciderExpectations<TEvent, TState, TError> = {
      then: base.then,
      thenNothing: base.thenNothing,
      thenError: base.thenError,
      thenThrows: base.thenThrows,
      thenState,
    };
    return expectations;
  };
  return {
    given: (events) => ({ when: (command) => when(events, command) }),
    when: (command) => when([], command),
  };
};
