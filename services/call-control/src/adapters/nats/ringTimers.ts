import { type Bus, injectTraceHeaders } from '@warmline/bus';
import type { RingTimerPort } from '../../calls/ports';
import { localSubjects } from './localTopology';

/**
 * Ring timers as JetStream message schedules: a message on the leg's schedule subject
 * that nats-server delivers to `timer.call.fired.<callId>.<legId>` at the deadline, whether
 * or not any call-control process is alive then. Deduplicated by the leg id.
 */
export function createRingTimers(bus: Bus): RingTimerPort {
  return {
    schedule: async (callId, timer) => {
      await bus.js.publish(
        localSubjects.ringTimerSchedule(callId, timer.calleeLegId),
        new Uint8Array(0),
        {
          msgID: `ring-${timer.calleeLegId}`,
          headers: injectTraceHeaders(),
          schedule: {
            specification: new Date(timer.fireAtMs),
            target: localSubjects.ringTimerFired(callId, timer.calleeLegId),
          },
        },
      );
    },
  };
}
