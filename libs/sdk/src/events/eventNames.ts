/** Client-level events that are not about an existing call. */
export enum ClientEvent {
  /** A call was delivered to this process; the handler gets the `ActiveCall` (state PENDING). */
  INCOMING_CALL = 'incoming_call',
}

/** Events about one call; register on the call (`call.on`) or on the client for every call. */
export enum CallEventName {
  /** The call was answered (state ANSWERED). */
  CALL_ANSWERED = 'call.answered',
  /** answer() failed; the call stays PENDING. */
  CALL_ANSWER_FAILED = 'call.answer_failed',
  /** The callee's phone is ringing after connect(). */
  CALL_RINGING = 'call.ringing',
  /** The callee answered: caller, callee and agent share a conference (state CONNECTED, mode BARGE). */
  CALL_CONNECTED = 'call.connected',
  /** connect() failed (`CALL_UNANSWERED`, `CALLEE_BUSY`, ...); the call stays in its state. */
  CALL_CONNECT_FAILED = 'call.connect_failed',
  /** barge / whisper / spy changed who hears the agent. */
  CALL_MODE_CHANGED = 'call.mode_changed',
  /** The caller pressed a key. */
  CALL_DTMF = 'call.dtmf',
  /** The call ended for the application (state DISCONNECTED). Fires once per call. */
  CALL_TERMINATED = 'call.terminated',
}

/** Every event name, as constants: `client.on(events.INCOMING_CALL, handler)`. */
export const events = {
  INCOMING_CALL: ClientEvent.INCOMING_CALL,
  CALL_ANSWERED: CallEventName.CALL_ANSWERED,
  CALL_ANSWER_FAILED: CallEventName.CALL_ANSWER_FAILED,
  CALL_RINGING: CallEventName.CALL_RINGING,
  CALL_CONNECTED: CallEventName.CALL_CONNECTED,
  CALL_CONNECT_FAILED: CallEventName.CALL_CONNECT_FAILED,
  CALL_MODE_CHANGED: CallEventName.CALL_MODE_CHANGED,
  CALL_DTMF: CallEventName.CALL_DTMF,
  CALL_TERMINATED: CallEventName.CALL_TERMINATED,
} as const;
