import type { EscalationEvent } from '@warmline/contracts';
import type { EscalationConfig } from './config';
import { eventIdOf } from './effectIds';
import type { Effect } from './effects';
import { effectsOf } from './effectsOf';
import { recordOf } from './inputRecord';
import type { EscalationInput } from './inputs';
import { react } from './react/react';
import type { EscalationState } from './state';

/**
 * One decision: the events to append to the saga's stream (atomically, at the expected version
 * `state.version`), then the effects to dispatch, in order. Every effect is implied by one of the
 * events (see {@link effectsOf}): nothing is done that the log does not show.
 */
export interface Decision {
  readonly events: readonly EscalationEvent[];
  readonly effects: readonly Effect[];
}

/** Nothing to append, nothing to do. */
export const NO_DECISION: Decision = Object.freeze({ events: [], effects: [] });

/**
 * Decides what the saga does with `input`. Pure and deterministic: the same input on the same
 * state gives the same decision, ids included, so a decision lost in a crash before the append is
 * simply made again. A redelivered input (its id already folded in) gives {@link NO_DECISION}.
 */
export const decide = (
  input: EscalationInput,
  state: EscalationState,
  config: EscalationConfig,
): Decision => {
  if (state.processedInputIds.includes(input.inputId)) return NO_DECISION;
  const reaction = react(input, { state, config, nowMs: input.nowMs });
  if (reaction === undefined) return NO_DECISION;
  const payloads = [recordOf(input, state), ...reaction];
  const events = payloads.map((payload, index): EscalationEvent => ({
    eventId: eventIdOf(input.inputId, index),
    callId: state.callId,
    occurredAt: new Date(input.nowMs),
    causationId: input.inputId,
    correlationId: state.callId,
    payload,
  }));
  return { events, effects: effectsOf(state, events, config) };
};
