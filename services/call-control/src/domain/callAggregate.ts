import type {
  AgentMode,
  CallHandler,
  CallStarted,
  CallState,
  TerminationReason,
} from '@warmline/contracts';

/** The four states of the seed's call state machine; a call that exists is always in one. */
export type CallStatus =
  | CallState.CALL_STATE_PENDING
  | CallState.CALL_STATE_ANSWERED
  | CallState.CALL_STATE_CONNECTED
  | CallState.CALL_STATE_DISCONNECTED;

/** A callee leg being rung: connect() was accepted and nobody has answered yet. */
export interface PendingConnect {
  readonly calleeLegId: string;
  /** Resolved from configuration when the connect was decided. */
  readonly destination: string;
  readonly ringTimeSeconds: number;
  /** When the ring window closes, in ms since the epoch (requested at + ring time). */
  readonly deadlineMs: number;
  /** The CallConnectRequested event, which is what a ring timeout is caused by. */
  readonly requestEventId: string;
  /** Context attached to the callee leg (for example a context id header). */
  readonly handoffData: Readonly<Record<string, string>>;
  /** The callee's phone rings (CallConnectRinging was recorded). */
  readonly ringing: boolean;
}

/** answer() was accepted and the gateway told to answer; its reply has not been recorded yet. */
export interface PendingAnswer {
  /** The answer command whose CallAnswerRequested opened the window. */
  readonly commandId: string;
}

/**
 * What became of an input already applied, remembered from the causation ids of the
 * events it produced. A repeat of the input gets the same outcome and no new events.
 */
export type AppliedOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly gatewayErrorCode: string; readonly message: string };

/**
 * After close() on a CONNECTED call the agent is gone but the caller and callee may still
 * talk: the bridge is ACTIVE until a party hangs up (then ENDED). NONE for every other call.
 */
export type BridgeAfterAgentLeft = 'NONE' | 'ACTIVE' | 'ENDED';

/** A call that has started: everything its events say about it. */
export interface StartedCall {
  readonly exists: true;
  readonly callId: string;
  readonly state: CallStatus;
  /** Who hears the agent; UNSPECIFIED until the callee is connected, then BARGE by default. */
  readonly mode: AgentMode;
  readonly pendingConnect: PendingConnect | null;
  /** Set between CallAnswerRequested and the gateway's reply (CallAnswered / CallAnswerFailed). */
  readonly pendingAnswer: PendingAnswer | null;
  /** The callee leg bridged into the call, once connected. */
  readonly connectedCalleeLegId: string | null;
  readonly handler: CallHandler;
  /** The facts the call arrived with (numbers, connector, transport, gateway). */
  readonly origin: CallStarted;
  readonly startedAtMs: number;
  readonly terminationReason: TerminationReason | null;
  readonly bridge: BridgeAfterAgentLeft;
  /** Command ids, signal ids and event ids that already produced events. */
  readonly appliedInputs: ReadonlyMap<string, AppliedOutcome>;
  /** How many events have been folded in (the position of the last one in the call's stream). */
  readonly version: number;
}

/** Before CallStarted: no call. */
export interface NoCall {
  readonly exists: false;
  readonly version: 0;
}

/** The call aggregate's state, folded from its events by `evolve`. */
export type CallAggregate = NoCall | StartedCall;

/** The state before any event: no call. */
export function initialState(): CallAggregate {
  return { exists: false, version: 0 };
}
