import { type CallEvent, CallHandler } from '@warmline/contracts';

/** Where the call is, as far as the built-in agent cares. */
export type CallPhase = 'unknown' | 'pending' | 'answered' | 'ended';

/**
 * The agent session's view of one call: a fold of the call's own events (`evt.call.<callId>`,
 * written by call-control). The session keeps no stream of its own: everything it does is
 * idempotent by a deterministic id, and what it needs to know the call stream already records.
 */
export interface AgentSessionState {
  readonly callId: string;
  /** Who drives the call; UNSPECIFIED until CallStarted is folded. */
  readonly handler: CallHandler;
  readonly phase: CallPhase;
}

/** A call nothing is known about yet. */
export const initialState = (callId: string): AgentSessionState => ({
  callId,
  handler: CallHandler.CALL_HANDLER_UNSPECIFIED,
  phase: 'unknown',
});

/** Folds one call event. Events the session does not need leave the state as it is. */
export const evolve = (state: AgentSessionState, event: CallEvent): AgentSessionState => {
  switch (event.payload?.$case) {
    case 'started':
      return { ...state, handler: event.payload.value.handler, phase: 'pending' };
    case 'answered':
      return state.phase === 'ended' ? state : { ...state, phase: 'answered' };
    case 'terminated':
      return { ...state, phase: 'ended' };
    default:
      return state;
  }
};

/** The session state of `callId` from its call stream, oldest event first. */
export const foldCall = (callId: string, events: readonly CallEvent[]): AgentSessionState =>
  events.reduce(evolve, initialState(callId));
