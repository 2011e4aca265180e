import type { EscalationEvent } from '@warmline/contracts';
import type { EscalationConfig } from '../config';
import type { Decision } from '../decide';
import type { EscalationInput } from '../inputs';
import type { EscalationState } from '../state';
import { createEscalationWorkflow } from '../workflow';
import { CALL_ID } from './fixtures';

/** A run of inputs through decide and evolve, as the runner would: decide, append, fold. */
export interface Run {
  /** The state after the last input. */
  readonly state: EscalationState;
  /** The saga's stream, oldest first. */
  readonly events: readonly EscalationEvent[];
  /** One decision per input, in input order. */
  readonly decisions: readonly Decision[];
  /** Every effect of the run, in dispatch order. */
  readonly effects: Decision['effects'];
}

/** Runs `inputs` from the initial state of {@link CALL_ID}. */
export const runInputs = (config: EscalationConfig, inputs: readonly EscalationInput[]): Run => {
  const workflow = createEscalationWorkflow(config);
  let state = workflow.initialState(CALL_ID);
  const events: EscalationEvent[] = [];
  const decisions: Decision[] = [];
  for (const input of inputs) {
    const decision = workflow.decide(input, state);
    decisions.push(decision);
    events.push(...decision.events);
    state = decision.events.reduce(workflow.evolve, state);
  }
  return { state, events, decisions, effects: decisions.flatMap((d) => d.effects) };
};

/** What `when` gives back: the state before, the decision, and the state after it is folded. */
export interface When {
  readonly before: EscalationState;
  readonly decision: Decision;
  readonly after: EscalationState;
}

/**
 * Given/when/then on the pure workflow (the shape of `workflowSpec` in @warmline/testing, with the
 * history given as inputs, whose events the saga itself produced):
 * `spec.given(requested, saved).when(played)` → `{ before, decision, after }`.
 */
export const escalationSpec = (config: EscalationConfig) => ({
  given: (...history: readonly EscalationInput[]) => ({
    when: (input: EscalationInput): When => {
      const before = runInputs(config, history).state;
      const run = runInputs(config, [...history, input]);
      const decision = run.decisions.at(-1);
      if (decision === undefined) throw new Error('no decision');
      return { before, decision, after: run.state };
    },
  }),
});
