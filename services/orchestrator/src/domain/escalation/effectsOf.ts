import type { EscalationEvent } from '@warmline/contracts';
import type { EscalationConfig } from './config';
import type { Effect } from './effects';
import { evolve } from './evolve';
import { stepEffect } from './stepEffect';
import { statusOf } from './steps';
import type { EscalationState } from './state';

const issued = (state: EscalationState, id: string) => state.issuedEffectIds.includes(id);

/** The effects one event implies, given the state just before it. */
const effectsOfEvent = (
  state: EscalationState,
  event: EscalationEvent,
  config: EscalationConfig,
): Effect[] => {
  const { payload } = event;
  if (payload === undefined) return []; // evolve rejects it right after
  switch (payload.$case) {
    case 'stepEntered': {
      const { step, effectId } = payload.value;
      const status = statusOf(step);
      const cancels = state.timers.map((t): Effect => ({
        kind: 'CancelTimer',
        timerId: t.timerId,
      }));
      if (status === undefined || effectId === '' || issued(state, effectId)) return cancels;
      const effect = stepEffect(state, status, effectId, config);
      return effect === undefined ? cancels : [...cancels, effect];
    }
    case 'timerScheduled': {
      const { timerId, dueAtMs, purpose } = payload.value;
      return issued(state, timerId) ? [] : [{ kind: 'ScheduleTimer', timerId, dueAtMs, purpose }];
    }
    case 'started':
    case 'timerFired':
    case 'inputAccepted':
    case 'finished':
      return [];
    default: {
      const unreachable: never = payload;
      return unreachable;
    }
  }
};

/**
 * The effects that `events`, appended on top of `state`, ask for: in order, each with its
 * deterministic id, none already issued before. decide uses it for its own output; after a crash
 * between appending and dispatching, the runner calls it on the same state and events and gets the
 * same effects back, so re-dispatching is safe (every receiver is idempotent by id).
 */
export const effectsOf = (
  state: EscalationState,
  events: readonly EscalationEvent[],
  config: EscalationConfig,
): Effect[] => {
  const effects: Effect[] = [];
  let current = state;
  for (const event of events) {
    effects.push(...effectsOfEvent(current, event, config));
    current = evolve(current, event);
  }
  return effects;
};
