import type { IncomingCall, SessionResponse } from '@warmline/contracts';

/** Why a session was refused or ended; the gRPC edge maps `code` to a status. */
export type SessionErrorCode =
  'INVALID_ARGUMENT' | 'PERMISSION_DENIED' | 'FAILED_PRECONDITION' | 'DEADLINE_EXCEEDED';

/** A session problem: a protocol violation, connectors the credential may not use, silence. */
export class SessionError extends Error {
  override readonly name = 'SessionError';
  readonly retryable = false;

  constructor(
    readonly code: SessionErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Where a session's responses go (the gRPC stream). */
export interface SessionSink {
  /** Resolves once the message was handed to the transport; rejects if the stream is gone. */
  write(message: SessionResponse): Promise<void>;
  /** Ends the stream: OK without an error, else with the error's status. */
  end(error?: SessionError): void;
}

/** What a session did with an incoming call it was handed. */
export type DeliveryResult =
  /** Written to the client: the call is theirs (ack). */
  | 'delivered'
  /** Nothing to deliver any more (the call ended while it waited): drop it (ack). */
  | 'dropped'
  /** This session cannot take it now (closing): give it to another session (nak). */
  | 'declined';

/** A running subscription to a connector's incoming calls. */
export interface IncomingTaker {
  stop(): Promise<void>;
}

/**
 * A connector's SDK-routed calls as a work queue shared by every session of the connector
 * on every call-control replica: each call is handed to exactly one taker at a time, and
 * only counts as taken once the taker's `deliver` says it was delivered.
 */
export interface IncomingCallSource {
  take(
    connectorId: string,
    deliver: (incoming: IncomingCall) => Promise<DeliveryResult>,
  ): Promise<IncomingTaker>;
}
