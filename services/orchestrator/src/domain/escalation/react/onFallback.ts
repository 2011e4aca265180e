import { EscalationOutcome } from '@warmline/contracts';
import type { CallerChoseInput, EscalationInput } from '../inputs';
import type { PhaseOf } from '../state';
import { type ReactionContext, isGuardFired, isOwnSpeechPlayed } from './reactionContext';
import { type Reaction, connected, enter, finish, saveContextNow } from './moves';

const { ESCALATION_OUTCOME_CALLBACK_OFFERED, ESCALATION_OUTCOME_RETURNED_TO_AGENT } =
  EscalationOutcome;

const onChoice = (input: CallerChoseInput, ctx: ReactionContext): Reaction =>
  enter(ctx, input.choice === 'voicemail' ? 'RecordingVoicemail' : 'Closing');

/** The apology and the mode's line have played: go back to the AI, hang up, or take a choice. */
const afterApology = (ctx: ReactionContext): Reaction => {
  switch (ctx.config.fallback.mode) {
    case 'return-to-agent':
      // The finished event on evt.escalation is the hand-back: llm-decision resumes the dialogue.
      return finish(ctx, ESCALATION_OUTCOME_RETURNED_TO_AGENT, 'returned to the agent', false);
    case 'end':
      return finish(ctx, ESCALATION_OUTCOME_CALLBACK_OFFERED, 'callback promised', true);
    case 'voicemail':
      return enter(ctx, 'Offering');
    default: {
      const unreachable: never = ctx.config.fallback.mode;
      return unreachable;
    }
  }
};

/**
 * Apologising. A late answer (after the connect guard gave up) still wins: a human is better than
 * an apology. In voicemail mode the caller may choose before the offer has finished playing.
 */
export const onApologizing = (
  input: EscalationInput,
  ctx: ReactionContext,
  phase: PhaseOf<'Apologizing'>,
): Reaction => {
  if (input.kind === 'CallConnected') return connected(ctx);
  if (input.kind === 'CallerChose' && ctx.config.fallback.mode === 'voicemail') {
    return onChoice(input, ctx);
  }
  return isOwnSpeechPlayed(input, phase) || isGuardFired(input, ctx, 'apology')
    ? afterApology(ctx)
    : [];
};

/** Waiting for the caller's choice; silence means a message (the offer's default). */
export const onOffering = (input: EscalationInput, ctx: ReactionContext): Reaction => {
  if (input.kind === 'CallConnected') return connected(ctx);
  if (input.kind === 'CallerChose') return onChoice(input, ctx);
  return isGuardFired(input, ctx, 'choice') ? enter(ctx, 'RecordingVoicemail') : [];
};

/**
 * Recording. The message is kept with the context (a second save carries its recording id), then
 * the call ends, unless the caller already hung up, which is how most messages end.
 */
export const onRecordingVoicemail = (input: EscalationInput, ctx: ReactionContext): Reaction => {
  const outcome = EscalationOutcome.ESCALATION_OUTCOME_VOICEMAIL;
  const hangUp = !ctx.state.callEnded;
  if (input.kind === 'VoicemailRecorded') {
    return [
      ...saveContextNow(ctx, 'voicemail'),
      ...finish(ctx, outcome, 'voicemail recorded', hangUp),
    ];
  }
  return isGuardFired(input, ctx, 'voicemail')
    ? finish(ctx, outcome, 'recording not confirmed', hangUp)
    : [];
};

/** Confirming the callback; then hang up. */
export const onClosing = (
  input: EscalationInput,
  ctx: ReactionContext,
  phase: PhaseOf<'Closing'>,
): Reaction =>
  isOwnSpeechPlayed(input, phase) || isGuardFired(input, ctx, 'closing')
    ? finish(ctx, ESCALATION_OUTCOME_CALLBACK_OFFERED, 'callback accepted', true)
    : [];
