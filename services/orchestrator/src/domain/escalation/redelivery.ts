import type { EscalationEvent } from '@warmline/contracts';
import type { EscalationConfig } from './config';
import type { Effect } from './effects';
import { effectsOf } from './effectsOf';
import { isArmed } from './inputRecord';
import { foldEscalation } from './workflow';

/**
 * The effects of the decision `inputId` caused, recomputed from the log: what to dispatch again
 * when that input is redelivered after its events were appended (the process died, or a dispatch
 * failed, before the ack). A decision's events are appended together and carry the input's id as
 * causation, so they are found as one run. Ids are the original ones, so receivers drop what they
 * already did. A timer the saga has disarmed since (it moved on) is not scheduled again.
 */
export const redeliveryEffects = (
  callId: string,
  events: readonly EscalationEvent[],
  inputId: string,
  config: EscalationConfig,
): Effect[] => {
  const first = events.findIndex((event) => event.causationId === inputId);
  if (first < 0) return [];
  let end = first;
  while (events[end]?.causationId === inputId) end += 1;
  const before = foldEscalation(callId, events.slice(0, first));
  const now = foldEscalation(callId, events);
  return effectsOf(before, events.slice(first, end), config).filter(
    (effect) => effect.kind !== 'ScheduleTimer' || isArmed(now, effect.timerId),
  );
};
