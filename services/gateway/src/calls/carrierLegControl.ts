/** A callee leg to place, as the carrier control needs it. */
export interface CalleeLegPlan {
  readonly instructionId: string;
  readonly calleeLegId: string;
  readonly destination: string;
  readonly ringTimeSeconds: number;
  readonly handoffData: Readonly<Record<string, string>>;
  /** Token the caller's returning stream must present to re-attach to this call (Twilio). */
  readonly resumeToken: string;
}

/** The callee leg as the carrier knows it, once a status callback named it. */
export interface CalleeLegState {
  readonly calleeLegId: string;
  /** The carrier's id of the callee leg (Twilio child CallSid, Telnyx leg B call_control_id). */
  readonly carrierLegId?: string;
  readonly answered: boolean;
}

/**
 * What the carrier's REST API lets the gateway do with a live call. Each
 * method throws {@link CarrierApiError} when the carrier refuses or cannot be
 * reached; a method the carrier (or the configuration) does not allow is absent.
 */
export interface CarrierLegControl {
  /** Ends the caller's call at the carrier (closing a stream alone does not). */
  hangup?(instructionId: string): Promise<void>;
  /** Connects the caller to a callee. */
  placeCallee?(plan: CalleeLegPlan): Promise<void>;
  /** Stops ringing, or drops, a callee leg. */
  cancelCallee?(leg: CalleeLegState, instructionId: string): Promise<void>;
  /**
   * Placing a callee may end the caller's media stream (Twilio's redirect
   * does; Telnyx's transfer is assumed to), so a `stop` while a callee leg is
   * pending is not taken as the caller hanging up.
   */
  readonly transferEndsStream: boolean;
  /**
   * A caller whose stream ended for a transfer comes back on a new stream when
   * the callee leg fails (Twilio runs the `<Connect><Stream>` after `<Dial>`).
   * Without it, a failed transfer with no stream left ends the call.
   */
  readonly resumesAfterTransfer: boolean;
}
