/** Which carrier a test caller imitates. */
export type CarrierKind = 'twilio' | 'telnyx';

/** Payload encodings a test caller can speak (Twilio: PCMU at 8 kHz only). */
export type CallerEncoding = 'PCMU' | 'PCMA' | 'L16';

/** What the gateway sent the caller, decoded. */
export type GatewayFrame =
  | { readonly kind: 'media'; readonly payload: Uint8Array }
  | { readonly kind: 'mark'; readonly name: string }
  | { readonly kind: 'clear' };

/** One frame the caller received, in arrival order. */
export interface ReceivedFrame {
  readonly frame: GatewayFrame;
  /** Monotonic ms when it arrived. */
  readonly atMs: number;
}

/** How the caller's socket ended. */
export interface CloseInfo {
  readonly code: number;
  readonly reason: string;
}

/** How a test caller connects and introduces itself. */
export interface CarrierCallerOptions {
  readonly carrier: CarrierKind;
  /** Where to connect: `ws://127.0.0.1:<port>/twilio/stream`. */
  readonly url: string;
  /** Twilio: the public URL the signature covers (default `url`). */
  readonly signedUrl?: string;
  /** Twilio: sign the upgrade with this Auth Token (no `X-Twilio-Signature` when absent). */
  readonly authToken?: string;
  /** Telnyx: the streaming auth token, sent as the upgrade header and in the `connected` frame. */
  readonly streamingToken?: string;
  /** Twilio AccountSid or Telnyx user_id. */
  readonly accountId: string;
  /** Carrier call id (CallSid / call_control_id); generated when absent. */
  readonly carrierCallId?: string;
  readonly from: string;
  readonly to: string;
  /** Twilio `<Parameter>`s / Telnyx `custom_parameters`. Twilio's `to`/`from` go here too unless `omitNumbers`. */
  readonly customParameters?: Readonly<Record<string, string>>;
  /** Twilio: do not add `to`/`from` to the custom parameters. */
  readonly omitNumbers?: boolean;
  /** Telnyx: payload encoding (default PCMU). */
  readonly encoding?: CallerEncoding;
  /** Telnyx: 8000 or 16000 (default 8000). */
  readonly sampleRate?: 8000 | 16000;
  /**
   * `realtime` (default): received media plays out one frame per 20 ms, marks
   * echo when playout reaches them and a clear drops what has not played, as a
   * carrier does. `immediate`: everything counts as played on arrival.
   */
  readonly playout?: 'realtime' | 'immediate';
  /** Extra headers on the upgrade request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Keep every received frame and everything played (default true; load tests turn it off). */
  readonly record?: boolean;
  /** Called with the arrival time (monotonic ms) of every media frame from the gateway. */
  readonly onMedia?: (atMs: number) => void;
}
