import type { EscalationEvent } from '@warmline/contracts';
import type { EscalationConfig } from './config';
import { type Decision, decide } from './decide';
import type { Effect } from './effects';
import { effectsOf } from './effectsOf';
import { evolve } from './evolve';
import type { EscalationInput } from './inputs';
import { type EscalationState, initialState } from './state';

/** The escalation saga as a pure workflow, with its configuration bound. */
export interface EscalationWorkflow {
  readonly initialState: (callId: string) => EscalationState;
  readonly decide: (input: EscalationInput, state: EscalationState) => Decision;
  readonly evolve: (state: EscalationState, event: EscalationEvent) => EscalationState;
  /** The effects `events` imply on top of `state`; see {@link effectsOf}. */
  readonly effectsOf: (state: EscalationState, events: readonly EscalationEvent[]) => Effect[];
}

/** Binds `config` (validate it first with `escalationConfig`). */
export const createEscalationWorkflow = (config: EscalationConfig): EscalationWorkflow => ({
  initialState,
  decide: (input, state) => decide(input, state, config),
  evolve,
  effectsOf: (state, events) => effectsOf(state, events, config),
});

/** The state of call `callId` rebuilt from its stream: how a restarted orchestrator resumes. */
export const foldEscalation = (
  callId: string,
  events: readonly EscalationEvent[],
): EscalationState => events.reduce(evolve, initialState(callId));

/**
 * Recovery after a crash between appending and dispatching: the effects of the events after
 * `dispatchedVersion` (the stream version up to which effects are known to be dispatched; 0 if
 * unknown). Ids are the original ones, so receivers drop what they already did.
 */
export const undispatchedEffects = (
  callId: string,
  events: readonly EscalationEvent[],
  dispatchedVersion: number,
  config: EscalationConfig,
): Effect[] =>
  effectsOf(
    foldEscalation(callId, events.slice(0, dispatchedVersion)),
    events.slice(dispatchedVersion),
    config,
  );
