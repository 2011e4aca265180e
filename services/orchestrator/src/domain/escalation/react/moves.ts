import { EscalationOutcome } from '@warmline/contracts';
import { effectIds } from '../effectIds';
import type { EscalationRequestedInput } from '../inputs';
import type { EscalationPayload } from '../escalationPayload';
import type { ActiveStatus } from '../state';
import { type StepStatus, stepOf } from '../steps';
import { GUARDED_STEPS } from './guardedSteps';
import type { ReactionContext } from './reactionContext';

/** What a reaction decides: the events to append after the input's own record. */
export type Reaction = readonly EscalationPayload[];

const entered = (status: StepStatus, effectId: string): EscalationPayload => ({
  $case: 'stepEntered',
  value: { step: stepOf(status), effectId },
});

/** Enter an active step: issue its effect (see stepEffect) and arm its guard timer. */
export const enter = (ctx: ReactionContext, status: ActiveStatus): Reaction => {
  const { effectId, guard, guardMs } = GUARDED_STEPS[status];
  const { callId } = ctx.state;
  return [
    entered(status, effectId(callId)),
    {
      $case: 'timerScheduled',
      value: {
        timerId: effectIds.timer(callId, guard),
        dueAtMs: ctx.nowMs + guardMs(ctx.config),
        purpose: guard,
      },
    },
  ];
};

/** Save the context (at the end of the call, or with a voicemail): nothing waits on it. */
export const saveContextNow = (ctx: ReactionContext, purpose: 'final' | 'voicemail'): Reaction => [
  entered('SavingContext', effectIds.saveContext(ctx.state.callId, purpose)),
];

/** Finish with `outcome`; `disconnect` ends the call (or cleans up the callee's leg) on the way. */
export const finish = (
  ctx: ReactionContext,
  outcome: EscalationOutcome,
  detail: string,
  disconnect: boolean,
): Reaction => [
  entered('Finished', disconnect ? effectIds.disconnect(ctx.state.callId) : ''),
  { $case: 'finished', value: { outcome, detail } },
];

/** Start the escalation: record the request, then save the context. */
export const start = (ctx: ReactionContext, request: EscalationRequestedInput): Reaction => [
  {
    $case: 'started',
    value: {
      reason: request.reason,
      detail: request.detail,
      summary: request.summary,
      callerNumber: request.callerNumber,
      callerName: request.callerName ?? '',
      capabilities:
        request.agentModes === undefined ? undefined : { agentModes: [...request.agentModes] },
    },
  },
  ...enter(ctx, 'SavingContext'),
];

/**
 * The callee answered: brief them first if configured and the call can whisper. The briefing
 * starts by switching the agent to WHISPER and waits for call-control to confirm it, so the caller
 * can never hear it. A call whose gateway cannot mix WHISPER (a carrier media stream) leaves at
 * once instead of waiting for a refusal.
 */
export const connected = (ctx: ReactionContext): Reaction => {
  const canBrief = ctx.config.briefing.enabled && (ctx.state.escalation?.whisperSupported ?? true);
  return enter(ctx, canBrief ? 'SwitchingToWhisper' : 'Leaving');
};

/** The successful end: the agent left, caller and callee talk. */
export const transferred = (ctx: ReactionContext, detail: string): Reaction =>
  finish(ctx, EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED, detail, false);
