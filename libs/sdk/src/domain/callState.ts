/** A call's state, as the seed defines it. States only move forward, in this order. */
export const CallState = {
  /** Just arrived; the caller hears ringing. Allows answer and connect. */
  PENDING: 'PENDING',
  /** Answered: audio flows between the caller and the application. */
  ANSWERED: 'ANSWERED',
  /** connect() succeeded: caller, callee and agent share a conference. */
  CONNECTED: 'CONNECTED',
  /** Ended for the application (close, disconnect, hang-up or server-side termination). */
  DISCONNECTED: 'DISCONNECTED',
} as const;

/** A call's state: `'PENDING' | 'ANSWERED' | 'CONNECTED' | 'DISCONNECTED'`. */
export type CallState = (typeof CallState)[keyof typeof CallState];

/** Who hears the agent once the call is CONNECTED. */
export const AgentMode = {
  /** Caller and callee hear the agent (the default after connect). */
  BARGE: 'BARGE',
  /** Only the callee hears the agent. */
  WHISPER: 'WHISPER',
  /** Nobody hears the agent; it only listens. */
  SPY: 'SPY',
} as const;

/** Who hears the agent: `'BARGE' | 'WHISPER' | 'SPY'`. */
export type AgentMode = (typeof AgentMode)[keyof typeof AgentMode];

/** Why a call ended for the application. */
export const TerminationReason = {
  CALLER_HUNG_UP: 'CALLER_HUNG_UP',
  CALLEE_HUNG_UP: 'CALLEE_HUNG_UP',
  /** disconnect(): the agent ended the call for everyone. */
  DISCONNECTED: 'DISCONNECTED',
  /** close() while ANSWERED: the caller was dropped too. */
  CLOSED: 'CLOSED',
  /** close() while CONNECTED: the agent left; caller and callee stay bridged. */
  AGENT_LEFT: 'AGENT_LEFT',
  MEDIA_LOST: 'MEDIA_LOST',
  SERVER_TERMINATED: 'SERVER_TERMINATED',
  PROTOCOL_ERROR: 'PROTOCOL_ERROR',
  /** A reason this SDK version does not know. */
  UNKNOWN: 'UNKNOWN',
} as const;

/** Why a call ended for the application. */
export type TerminationReason = (typeof TerminationReason)[keyof typeof TerminationReason];

const order: Readonly<Record<CallState, number>> = {
  PENDING: 0,
  ANSWERED: 1,
  CONNECTED: 2,
  DISCONNECTED: 3,
};

/** Whether `state` is `than` or later in the call's life (states never move back). */
export function isAtLeast(state: CallState, than: CallState): boolean {
  return order[state] >= order[than];
}

/** The later of two states. */
export function laterState(a: CallState, b: CallState): CallState {
  return order[a] >= order[b] ? a : b;
}
