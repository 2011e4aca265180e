import type { ConsumeContext, Disposition } from '@warmline/bus';
import type { EscalationTimerScheduled } from '@warmline/contracts';
import { GOODBYE_TIMER_PURPOSE } from '../domain/agentSession';
import { timerFired } from '../domain/escalation';
import type { Work } from '../runner/runner';
import { type HandlerDeps, callIdOf, runWork } from './handlerDeps';

/**
 * A durable timer fired (`timer.escalation.fired.<callId>`, produced by the JetStream schedule).
 * Its input id is the timer id, so however often the firing is delivered the saga folds it once.
 */
export const onTimerFired = (
  deps: HandlerDeps,
  timer: EscalationTimerScheduled,
  ctx: ConsumeContext,
): Promise<Disposition> => {
  const nowMs = deps.clock();
  const { timerId } = timer;
  const work: Work =
    timer.purpose === GOODBYE_TIMER_PURPOSE
      ? { workflow: 'session', input: { kind: 'TimerFired', inputId: timerId, nowMs, timerId } }
      : { workflow: 'saga', input: timerFired(timerId, nowMs) };
  return runWork(deps, callIdOf(ctx), [work], ctx);
};
