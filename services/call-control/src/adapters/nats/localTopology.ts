import { type StreamTopology, subjectToken } from '@warmline/contracts';

/**
 * Subjects and streams call-control owns that are not in @warmline/contracts yet
 * (proposed for `subjects.ts` / `streams.ts`; until then they live here).
 */
export const localSubjects = {
  /** SDK-routed calls waiting for an SDK session of their connector (work queue). */
  sdkIncoming: (connectorId: string) => `sdk.incoming.${subjectToken(connectorId)}`,
  /** The JetStream schedule of one callee leg's ring timer. */
  ringTimerSchedule: (callId: string, calleeLegId: string) =>
    `timer.call.ring.${subjectToken(callId)}.${subjectToken(calleeLegId)}`,
  /** Where a ring timer's schedule delivers when it fires. */
  ringTimerFired: (callId: string, calleeLegId: string) =>
    `timer.call.fired.${subjectToken(callId)}.${subjectToken(calleeLegId)}`,
  ringTimersFiredWildcard: 'timer.call.fired.>',
} as const;

/** The streams behind {@link localSubjects}. */
export const localStreams = {
  sdkIncoming: {
    name: 'SDK_INCOMING',
    subjects: ['sdk.incoming.*'],
    retention: 'workqueue',
    description: 'SDK-routed calls, one subject per connector, taken by one SDK session each',
  },
  callTimers: {
    name: 'CALL_TIMERS',
    subjects: ['timer.call.>'],
    retention: 'workqueue',
    description: 'Ring timers as JetStream message schedules (allow_msg_schedules)',
  },
} as const satisfies Record<string, StreamTopology>;

/** The call id and callee leg id of a fired ring timer's subject, or null if it is not one. */
export function parseRingTimerFired(
  subject: string,
): { readonly callId: string; readonly calleeLegId: string } | null {
  const tokens = subject.split('.');
  if (tokens.length !== 5 || tokens.slice(0, 3).join('.') !== 'timer.call.fired') return null;
  const [, , , callId = '', calleeLegId = ''] = tokens;
  return { callId, calleeLegId };
}

/** Durable consumer names (shared by every call-control replica). */
export const durables = {
  callCommands: 'call-control-commands',
  gatewaySignals: 'call-control-signals',
  ringTimers: 'call-control-ring-timers',
  /** One per connector: every SDK session of the connector pulls from it. */
  sdkIncoming: (connectorId: string) => `sdk-incoming-${subjectToken(connectorId)}`,
} as const;
