import type { CallEvent, GatewayInstruction } from '@warmline/contracts';
import type { CallRejection } from './callErrors';

/**
 * What the gateway must be told, as plain data: the generated `GatewayInstruction`
 * action union. The adapter adds the instruction id and call id and sends it.
 */
export type CallInstruction = NonNullable<GatewayInstruction['action']>;

/** A timer the adapter must arm: at `fireAtMs`, feed a `ringTimeout` input for the leg. */
export interface RingTimeoutTimer {
  readonly kind: 'ringTimeout';
  readonly calleeLegId: string;
  readonly fireAtMs: number;
}

/** Why an accepted input produced no events. */
export type IgnoredReason =
  /** The input id was applied before; this is a repeat. */
  | 'DUPLICATE_INPUT'
  /** setAgentMode to the mode the call is already in. */
  | 'ALREADY_IN_MODE'
  /** The callee's phone was already reported ringing on this leg. */
  | 'ALREADY_RINGING'
  /** answer() while an earlier answer waits for the gateway: the gateway is not told twice. */
  | 'ANSWER_IN_PROGRESS'
  /** A fact or timer about a callee leg that is not the one ringing. */
  | 'STALE_CALLEE_LEG'
  /** The callee answered again on the leg that is already connected. */
  | 'ALREADY_CONNECTED'
  /** The callee hung up, but no callee is in the call. */
  | 'NO_CALLEE_IN_CALL'
  /** A ring timer fired, but no connect is pending (the callee answered or failed first). */
  | 'NO_CONNECT_PENDING'
  /** A ring timer fired early (before the deadline). */
  | 'RING_NOT_DUE';

/** The input is accepted: append `events`, then carry out `instructions` and `timers`. */
export interface CallAccepted {
  readonly ok: true;
  readonly events: readonly CallEvent[];
  readonly instructions: readonly CallInstruction[];
  readonly timers: readonly RingTimeoutTimer[];
  /** Set when nothing happened, and why. */
  readonly ignored: IgnoredReason | null;
}

/** The input is refused and nothing changed. */
export interface CallRejected {
  readonly ok: false;
  readonly error: CallRejection;
}

/** The result of `decide`: success with effects as data, or a typed rejection. */
export type CallDecision = CallAccepted | CallRejected;

/** Accepts with events and their effects. */
export function accept(
  events: readonly CallEvent[],
  instructions: readonly CallInstruction[] = [],
  timers: readonly RingTimeoutTimer[] = [],
): CallAccepted {
  return { ok: true, events, instructions, timers, ignored: null };
}

/** Accepts without events (optionally still telling the gateway something). */
export function ignore(
  reason: IgnoredReason,
  instructions: readonly CallInstruction[] = [],
): CallAccepted {
  return { ok: true, events: [], instructions, timers: [], ignored: reason };
}

/** Refuses the input. */
export function reject(error: CallRejection): CallRejected {
  return { ok: false, error };
}
