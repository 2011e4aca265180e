import { createHash } from 'node:crypto';
import { type StreamTopology, subjectToken } from '@warmline/contracts';

/** One subject token for a timer id (ids hold `:`, which a token may not). */
const timerToken = (timerId: string): string =>
  createHash('sha256').update(timerId).digest('hex').slice(0, 40);

/**
 * Subjects the orchestrator owns that are not in @warmline/contracts yet (proposed for
 * `subjects.ts` / `streams.ts`; until then they live here, in one place).
 */
export const localSubjects = {
  /** The JetStream message schedule of one timer: at most one pending schedule per timer. */
  timerSchedule: (callId: string, timerId: string) =>
    `timer.escalation.schedule.${subjectToken(callId)}.${timerToken(timerId)}`,
  /** Where a call's timers land when they fire. */
  timerFired: (callId: string) => `timer.escalation.fired.${subjectToken(callId)}`,
  timersFiredWildcard: 'timer.escalation.fired.*',
} as const;

/** The stream behind {@link localSubjects}: schedules wait in it, fired timers are consumed once. */
export const localStreams = {
  timers: {
    name: 'ESCALATION_TIMERS',
    subjects: ['timer.escalation.>'],
    retention: 'workqueue',
    description: 'Orchestrator timers as JetStream message schedules (allow_msg_schedules)',
  },
} as const satisfies Record<string, StreamTopology>;

/** Durable consumer names, shared by every orchestrator replica (they split the messages). */
export const durables = {
  conversation: 'orchestrator-conversation',
  calls: 'orchestrator-calls',
  context: 'orchestrator-context',
  timers: 'orchestrator-timers',
} as const;
