import type { CarrierName } from '../carriers/stream/streamEvent';

/** A Twilio account allowed to send calls: its Auth Token signs requests and authenticates REST calls. */
export interface TwilioAccount {
  readonly accountSid: string;
  readonly authToken: string;
  /** REST API base, `https://api.twilio.com` in production. */
  readonly apiBaseUrl: string;
}

/** A Telnyx account (Call Control application) allowed to send calls. */
export interface TelnyxAccount {
  /** How number routes name this account. */
  readonly name: string;
  /** The streaming auth token configured on the Call Control application (`stream_auth_token`). */
  readonly streamingAuthToken: string;
  /** When set, the `start` frame's `user_id` must equal it. */
  readonly userId?: string;
  /** API key for Call Control commands (transfer, hangup); without it those commands are unsupported. */
  readonly apiKey?: string;
  /**
   * The account's webhook public key (base64 Ed25519, from the Telnyx portal):
   * callee-leg webhooks are verified with it. Without it a transfer sends no
   * webhook URL and its outcome is not reported.
   */
  readonly webhookPublicKey?: string;
  /** REST API base, `https://api.telnyx.com` in production. */
  readonly apiBaseUrl: string;
}

/** Carrier credentials (from one secret setting). */
export interface CarrierAccounts {
  readonly twilio: readonly TwilioAccount[];
  readonly telnyx: readonly TelnyxAccount[];
}

/** One number the gateway answers: which carrier account may send its calls and where they may be transferred. */
export interface NumberRoute {
  /** The called number, E.164 (`+15550001111`). */
  readonly number: string;
  readonly carrier: CarrierName;
  /** Twilio AccountSid or Telnyx account `name`. */
  readonly account: string;
  /** The connector id given to call-control. */
  readonly connectorId: string;
  /**
   * The only destinations a callee leg may be placed to for calls on this
   * number (toll-fraud fence: an instruction naming anything else is refused).
   */
  readonly transferDestinations: readonly string[];
  /** Caller id presented to the callee on a transfer (default: the called number). */
  readonly transferCallerId?: string;
}
