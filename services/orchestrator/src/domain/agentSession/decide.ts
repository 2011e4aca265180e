import { CallHandler } from '@warmline/contracts';
import { effectIds } from '../escalation';
import type { AgentSessionConfig } from './config';
import { type AgentSessionEffect, GOODBYE_TIMER_PURPOSE, sessionIds } from './effects';
import type { EscalationView } from './escalationView';
import type { AgentSessionInput } from './inputs';
import type { AgentSessionState } from './state';

/** What a decision may read besides the input. */
export interface AgentSessionContext {
  /** The call, folded from its stream (it includes the input's own event when that is a call event). */
  readonly state: AgentSessionState;
  readonly escalation: EscalationView;
  readonly config: AgentSessionConfig;
}

const speak = (callId: string, utteranceId: string, text: string): AgentSessionEffect => ({
  kind: 'Speak',
  utteranceId,
  callId,
  text,
  audience: 'caller',
  cacheable: true,
});

/** Say goodbye, and bound the wait for it to play. */
const sayGoodbye = (ctx: AgentSessionContext, nowMs: number): AgentSessionEffect[] => {
  const { callId } = ctx.state;
  return [
    speak(callId, sessionIds.goodbye(callId), ctx.config.goodbye),
    {
      kind: 'ScheduleTimer',
      timerId: sessionIds.goodbyeTimer(callId),
      dueAtMs: nowMs + ctx.config.goodbyeTimeoutMs,
      purpose: GOODBYE_TIMER_PURPOSE,
    },
  ];
};

/**
 * The goodbye played (or its guard fired): end the call. Before any escalation the saga does it
 * (it keeps the context, then disconnects); after a return to the AI the saga is finished, so the
 * session disconnects itself, under the saga's disconnect id: at most one disconnect per call.
 */
const endCall = (ctx: AgentSessionContext, nowMs: number): AgentSessionEffect[] => {
  const { callId } = ctx.state;
  const cancel: AgentSessionEffect = {
    kind: 'CancelTimer',
    timerId: sessionIds.goodbyeTimer(callId),
  };
  if (ctx.escalation === 'none') {
    const inputId = sessionIds.agentFinished(callId);
    return [cancel, { kind: 'HandToSaga', input: { kind: 'AgentFinished', inputId, nowMs } }];
  }
  if (ctx.escalation === 'returned') {
    const disconnect = { $case: 'disconnect', value: {} } as const;
    const commandId = effectIds.disconnect(callId);
    return [cancel, { kind: 'SendCallCommand', commandId, callId, command: disconnect }];
  }
  return [cancel];
};

/**
 * The built-in agent's call lifecycle: answer a call routed to it, greet the caller, and at the end
 * say goodbye before hanging up. Pure; every effect has a deterministic id, so a redelivered input
 * repeats ids that every receiver already drops. SDK calls, and calls the escalation saga holds,
 * get nothing.
 */
export const decide = (
  input: AgentSessionInput,
  ctx: AgentSessionContext,
): AgentSessionEffect[] => {
  const { state } = ctx;
  if (state.phase === 'ended') return [];
  const builtIn = state.handler === CallHandler.CALL_HANDLER_BUILT_IN_AGENT;
  switch (input.kind) {
    case 'CallStarted':
      return input.handler === CallHandler.CALL_HANDLER_BUILT_IN_AGENT && state.phase !== 'answered'
        ? [{ kind: 'AnswerCall', commandId: sessionIds.answer(state.callId), callId: state.callId }]
        : [];
    case 'CallAnswered':
      return builtIn && ctx.escalation === 'none'
        ? [speak(state.callId, sessionIds.greeting(state.callId), ctx.config.greeting)]
        : [];
    case 'HangupRequested':
      return builtIn && (ctx.escalation === 'none' || ctx.escalation === 'returned')
        ? sayGoodbye(ctx, input.nowMs)
        : [];
    case 'SpeechPlayed':
      return input.utteranceId === sessionIds.goodbye(state.callId)
        ? endCall(ctx, input.nowMs)
        : [];
    case 'TimerFired':
      return input.timerId === sessionIds.goodbyeTimer(state.callId)
        ? endCall(ctx, input.nowMs)
        : [];
    default: {
      const unreachable: never = input;
      return unreachable;
    }
  }
};
