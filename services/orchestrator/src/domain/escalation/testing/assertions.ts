import { type Effect, effectIdOf } from '../effects';

/**
 * The ids of the effects that do something (all but timer cancellations, which may name a timer
 * scheduled earlier): each must appear once in a whole run.
 */
export const issuedIds = (effects: readonly Effect[]): string[] =>
  effects.filter((e) => e.kind !== 'CancelTimer').map(effectIdOf);

/** The ids that appear more than once in `ids`. */
export const repeated = (ids: readonly string[]): string[] =>
  ids.filter((id, i) => ids.indexOf(id) !== i);
