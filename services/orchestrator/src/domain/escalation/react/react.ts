import type { EscalationInput } from '../inputs';
import type { ActivePhase } from '../state';
import type { ReactionContext } from './reactionContext';
import type { Reaction } from './moves';
import { onApologizing, onClosing, onOffering, onRecordingVoicemail } from './onFallback';
import {
  onAnnouncing,
  onBriefing,
  onConnecting,
  onLeaving,
  onSavingContext,
  onSwitchingToWhisper,
} from './onHandoff';
import { onIdle } from './onIdle';
import { onTerminated } from './onTerminated';

const onActive = (input: EscalationInput, ctx: ReactionContext, phase: ActivePhase): Reaction => {
  switch (phase.status) {
    case 'SavingContext':
      return onSavingContext(input, ctx, phase);
    case 'Announcing':
      return onAnnouncing(input, ctx, phase);
    case 'Connecting':
      return onConnecting(input, ctx, phase);
    case 'SwitchingToWhisper':
      return onSwitchingToWhisper(input, ctx, phase);
    case 'Briefing':
      return onBriefing(input, ctx, phase);
    case 'Leaving':
      return onLeaving(input, ctx);
    case 'Apologizing':
      return onApologizing(input, ctx, phase);
    case 'Offering':
      return onOffering(input, ctx);
    case 'RecordingVoicemail':
      return onRecordingVoicemail(input, ctx);
    case 'Closing':
      return onClosing(input, ctx, phase);
    default: {
      const unreachable: never = phase;
      return unreachable;
    }
  }
};

/**
 * What the saga does with a new input in its current phase: the events to append after the
 * input's record ([] = record it, change nothing), or undefined when the input is none of the
 * saga's business (before any escalation) and is not even recorded.
 */
export const react = (input: EscalationInput, ctx: ReactionContext): Reaction | undefined => {
  const { phase } = ctx.state;
  switch (phase.status) {
    case 'Idle':
      return onIdle(input, ctx);
    case 'Finished':
      return []; // late input is recorded, never acted on
    default:
      return input.kind === 'CallTerminated'
        ? onTerminated(input, ctx, phase.status)
        : onActive(input, ctx, phase);
  }
};
