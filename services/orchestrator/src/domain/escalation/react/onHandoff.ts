import { AgentMode } from '@warmline/contracts';
import type { EscalationInput } from '../inputs';
import type { PhaseOf } from '../state';
import {
  type ReactionContext,
  isGuardFired,
  isOwnCommandRejected,
  isOwnSpeechPlayed,
} from './reactionContext';
import { type Reaction, connected, enter, transferred } from './moves';

/**
 * The context is saved, failed to save, or the guard fired: announce either way. The handoff
 * matters more than the snapshot, and context-store still builds the context from the streams.
 */
export const onSavingContext = (
  input: EscalationInput,
  ctx: ReactionContext,
  phase: PhaseOf<'SavingContext'>,
): Reaction => {
  const answered =
    (input.kind === 'ContextSaved' || input.kind === 'ContextSaveFailed') &&
    input.requestId === phase.effectId;
  return answered || isGuardFired(input, ctx, 'save-context') ? enter(ctx, 'Announcing') : [];
};

/** The transition line played (even cut short by the caller), or its guard fired: connect. */
export const onAnnouncing = (
  input: EscalationInput,
  ctx: ReactionContext,
  phase: PhaseOf<'Announcing'>,
): Reaction =>
  isOwnSpeechPlayed(input, phase) || isGuardFired(input, ctx, 'announce')
    ? enter(ctx, 'Connecting')
    : [];

/** The pivot: the callee answered, or connect failed, was rejected or never reported. */
export const onConnecting = (
  input: EscalationInput,
  ctx: ReactionContext,
  phase: PhaseOf<'Connecting'>,
): Reaction => {
  if (input.kind === 'CallConnected') return connected(ctx);
  const failed =
    input.kind === 'CallConnectFailed' ||
    isOwnCommandRejected(input, phase) ||
    isGuardFired(input, ctx, 'connect');
  return failed ? enter(ctx, 'Apologizing') : [];
};

/**
 * Waiting for WHISPER to be confirmed. If it is refused or never confirmed, the briefing is skipped
 * rather than risk the caller hearing it, and the agent leaves.
 */
export const onSwitchingToWhisper = (
  input: EscalationInput,
  ctx: ReactionContext,
  phase: PhaseOf<'SwitchingToWhisper'>,
): Reaction => {
  if (input.kind === 'AgentModeChanged' && input.mode === AgentMode.AGENT_MODE_WHISPER) {
    return enter(ctx, 'Briefing');
  }
  return isOwnCommandRejected(input, phase) || isGuardFired(input, ctx, 'agent-mode')
    ? enter(ctx, 'Leaving')
    : [];
};

/** The briefing played, or its guard fired: leave. */
export const onBriefing = (
  input: EscalationInput,
  ctx: ReactionContext,
  phase: PhaseOf<'Briefing'>,
): Reaction =>
  isOwnSpeechPlayed(input, phase) || isGuardFired(input, ctx, 'briefing')
    ? enter(ctx, 'Leaving')
    : [];

/**
 * close() was sent; `AGENT_LEFT` (in onTerminated) confirms it. If the guard fires first the
 * transfer still stands: past the pivot (the callee answered) the caller has a human, and close is
 * idempotent by its command id. A rejected close is only recorded: the call ending (abandoned) or
 * the guard (transferred) decides.
 */
export const onLeaving = (input: EscalationInput, ctx: ReactionContext): Reaction =>
  isGuardFired(input, ctx, 'leave') ? transferred(ctx, 'close sent, not yet confirmed') : [];
