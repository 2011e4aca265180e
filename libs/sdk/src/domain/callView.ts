import type { AgentMode, CallState, TerminationReason } from './callState';

/** What the SDK knows about a call's state, folded from events and command results. */
export interface CallView {
  readonly state: CallState;
  /** Who hears the agent; undefined until the call is CONNECTED. */
  readonly mode: AgentMode | undefined;
  /** A connect() is ringing the callee. */
  readonly connectPending: boolean;
  /** Why the call ended, once DISCONNECTED. */
  readonly terminationReason: TerminationReason | undefined;
}

/** A call that has just arrived. */
export const pendingView: CallView = {
  state: 'PENDING',
  mode: undefined,
  connectPending: false,
  terminationReason: undefined,
};
