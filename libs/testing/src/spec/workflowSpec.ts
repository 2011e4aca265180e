import { type Expectations, expectationsFor } from './expectations';
import { type ErrorOf, type OutputOf, toOutcome, type WorkflowResult } from './outcome';

/**
 * A pure workflow (saga) as in STYLE.md B5: decide maps an input and the state to effects
 * (`Send`, `Publish`, `Schedule`, `Ignore`…, as data); evolve folds the workflow's own events.
 */
export interface WorkflowDefinition<TInput, TEvent, TState, TEffect, TResult, TError> {
  decide: (input: TInput, state: TState) => TResult;
  evolve: (state: TState, event: TEvent) => TState;
  initialState: () => TState;
  /**
   * Reads decide's result. Not needed when decide returns `TEffect[]` or a
   * {@link WorkflowResult} (`{ ok: true, effects } | { ok: false, error }`).
   */
  toEffects?: (result: TResult) => readonly TEffect[] | WorkflowResult<TEffect, TError>;
}

/** A workflow spec; see {@link workflowSpec}. */
export interface WorkflowSpec<TInput, TEvent, TEffect, TError> {
  /** The workflow's own events so far (its stream), oldest first, folded with evolve. */
  given(events: readonly TEvent[]): {
    when(input: TInput): Expectations<TEffect, TError>;
  };
  /** Same as `given([]).when(input)`: an input to a workflow that has not started. */
  when(input: TInput): Expectations<TEffect, TError>;
}

/**
 * Given/when/then tests for a pure workflow (Emmett's `WorkflowSpecification`): the effects a
 * saga decides for an input, in the state its past events give. Time comes in with the input.
 *
 * ```ts
 * const spec = workflowSpec({ decide, evolve, initialState });
 * spec.when(escalationRequested).then([
 *   { kind: 'Send', command: saveContext },
 *   { kind: 'Schedule', input: timedOut, afterMs: 30_000 },
 * ]);
 * spec.given([requested, transferFailed]).when(timedOut).then([{ kind: 'Ignore', reason: 'FINISHED' }]);
 * spec.given([finished]).when(callerHungUp).thenNothing();
 * spec.given([requested]).when(unknownAgent).thenError(/unknown agent/);
 * ```
 *
 * The assertions are those of {@link Expectations}: then (exact effects, in order, or an
 * assertion function), thenNothing (no effects), thenError (a returned error), thenThrows (a
 * thrown exception). The object returned by `when` has a `then` method, so never `await` it.
 */
export const workflowSpec = <
  TInput,
  TEvent,
  TState,
  TResult,
  TEffect = OutputOf<TResult, 'effects'>,
  TError = ErrorOf<TResult>,
>(
  workflow: WorkflowDefinition<TInput, TEvent, TState, TEffect, TResult, TError>,
): WorkflowSpec<TInput, TEvent, TEffect, TError> => {
  const { toEffects } = workflow;
  const model = {
    ...workflow,
    outputs: 'effects' as const,
    toOutcome: (result: TResult) =>
      toOutcome<TEffect, TError>(toEffects ? toEffects(result) : result, 'effects', 'toEffects'),
  };
  const when = (given: readonly TEvent[], input: TInput): Expectations<TEffect, TError> =>
    expectationsFor(model, given, input).expectations;
  return {
    given: (events) => ({ when: (input) => when(events, input) }),
    when: (input) => when([], input),
  };
};
