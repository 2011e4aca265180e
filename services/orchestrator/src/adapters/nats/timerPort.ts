import { type Bus, injectTraceHeaders } from '@warmline/bus';
import { EscalationTimerScheduled } from '@warmline/contracts';
import type { EffectPorts } from '../../runner/ports';
import { localStreams, localSubjects } from './localTopology';

/**
 * Durable timers as JetStream message schedules (ADR-51, nats-server 2.12+). Scheduling stores a
 * message on the timer's own schedule subject with `Nats-Schedule: @at <due>`; at the due time
 * the server publishes its body (the `EscalationTimerScheduled`) to the call's fired subject and
 * removes the schedule, whether or not any orchestrator is running. The schedule survives server
 * and orchestrator restarts; `Nats-Msg-Id` = timer id drops a repeated schedule. Cancelling purges
 * the schedule subject; a firing that beats the cancel is recorded by the saga as stale.
 */
export const createTimerPort = (bus: Bus): Pick<EffectPorts, 'scheduleTimer' | 'cancelTimer'> => ({
  scheduleTimer: async (callId, timer) => {
    await bus.js.publish(
      localSubjects.timerSchedule(callId, timer.timerId),
      EscalationTimerScheduled.encode(timer).finish(),
      {
        msgID: timer.timerId,
        headers: injectTraceHeaders(),
        schedule: {
          specification: new Date(timer.dueAtMs),
          target: localSubjects.timerFired(callId),
        },
      },
    );
  },
  cancelTimer: async (callId, timerId) => {
    await bus.jsm.streams.purge(localStreams.timers.name, {
      filter: localSubjects.timerSchedule(callId, timerId),
    });
  },
});
