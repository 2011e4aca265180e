import type { EscalationConfig } from '../config';
import { type TimerPurpose, effectIds } from '../effectIds';
import { isArmed } from '../inputRecord';
import type { EscalationInput } from '../inputs';
import type { ActivePhase, EscalationState } from '../state';

/** What a reaction may read: the state, the configuration, and the input's time. */
export interface ReactionContext {
  readonly state: EscalationState;
  readonly config: EscalationConfig;
  readonly nowMs: number;
}

/** The input is the firing of this step's armed guard timer. */
export const isGuardFired = (
  input: EscalationInput,
  ctx: ReactionContext,
  purpose: TimerPurpose,
): boolean =>
  input.kind === 'TimerFired' &&
  input.timerId === effectIds.timer(ctx.state.callId, purpose) &&
  isArmed(ctx.state, input.timerId);

/** The input reports that the utterance this step issued has played (completed or interrupted). */
export const isOwnSpeechPlayed = (input: EscalationInput, phase: ActivePhase): boolean =>
  input.kind === 'SpeechPlayed' && input.utteranceId === phase.effectId;

/** The input reports that the command this step issued failed. */
export const isOwnCommandRejected = (input: EscalationInput, phase: ActivePhase): boolean =>
  input.kind === 'CommandRejected' && input.commandId === phase.effectId;
