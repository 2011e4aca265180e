import type { Positions } from './contextDoc';

/** No event folded in yet. */
export const NO_POSITIONS: Positions = { call: 0, conversation: 0, escalation: 0 };

/**
 * One number for a context's version: the sum of its per-stream positions. Every event folded
 * in raises one position, so the sum grows with every change (CallContext.version, ContextSaved).
 */
export const versionOf = (positions: Positions): number =>
  positions.call + positions.conversation + positions.escalation;
