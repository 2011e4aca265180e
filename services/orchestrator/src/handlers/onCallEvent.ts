import type { ConsumeContext, Disposition } from '@warmline/bus';
import type { CallEvent } from '@warmline/contracts';
import type { CallerChoseInput } from '../domain/escalation';
import type { Work } from '../runner/runner';
import { type HandlerDeps, callIdOf, runWork } from './handlerDeps';

/** The keys of the voicemail offer ("press 1 if you'd rather we call you back"). */
const CHOICE_OF_DIGIT: Readonly<Record<string, CallerChoseInput['choice']>> = {
  '1': 'callback',
  '2': 'voicemail',
};

/** The work one call event asks for; none for the events neither workflow follows. */
const workOf = (event: CallEvent, base: { inputId: string; nowMs: number }): Work[] => {
  const payload = event.payload;
  switch (payload?.$case) {
    case 'started':
      return [
        {
          workflow: 'session',
          input: { kind: 'CallStarted', ...base, handler: payload.value.handler },
        },
      ];
    case 'answered':
      return [{ workflow: 'session', input: { kind: 'CallAnswered', ...base } }];
    case 'connected': {
      const { calleeLegId } = payload.value;
      return [{ workflow: 'saga', input: { kind: 'CallConnected', ...base, calleeLegId } }];
    }
    case 'connectFailed': {
      const { errorCode } = payload.value;
      return [{ workflow: 'saga', input: { kind: 'CallConnectFailed', ...base, errorCode } }];
    }
    case 'agentModeChanged': {
      const { mode } = payload.value;
      return [{ workflow: 'saga', input: { kind: 'AgentModeChanged', ...base, mode } }];
    }
    case 'terminated': {
      const { reason } = payload.value;
      return [{ workflow: 'saga', input: { kind: 'CallTerminated', ...base, reason } }];
    }
    case 'dtmfReceived': {
      const choice = CHOICE_OF_DIGIT[payload.value.digit];
      return choice ? [{ workflow: 'saga', input: { kind: 'CallerChose', ...base, choice } }] : [];
    }
    default:
      return [];
  }
};

/**
 * A call event (`evt.call.<callId>`, written by call-control): the start and the answer of a call
 * go to the agent session, the outcome of connect, mode changes, the end of the call and the
 * caller's keys go to the saga.
 */
export const onCallEvent = (
  deps: HandlerDeps,
  event: CallEvent,
  ctx: ConsumeContext,
): Promise<Disposition> =>
  runWork(deps, callIdOf(ctx), workOf(event, { inputId: event.eventId, nowMs: deps.clock() }), ctx);
