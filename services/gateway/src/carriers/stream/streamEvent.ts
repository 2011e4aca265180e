/** The payload encodings the gateway carries on carrier streams. */
export type StreamEncoding = 'PCMU' | 'PCMA' | 'L16';

/** The audio format a stream announced in its `start` frame. */
export interface StreamMediaFormat {
  readonly encoding: StreamEncoding;
  /** 8000 or 16000 (L16 may also be 24000). */
  readonly sampleRate: number;
}

/** Which carrier speaks on a stream. */
export type CarrierName = 'twilio' | 'telnyx';

/** The stream opened: identifiers, parameters and media format (once, before media). */
export interface StreamStarted {
  readonly kind: 'start';
  readonly streamId: string;
  /** Twilio CallSid, Telnyx call_control_id. */
  readonly carrierCallId: string;
  /** Twilio AccountSid, Telnyx user_id. */
  readonly accountId: string;
  /** Caller and called numbers when the carrier sends them (Telnyx), else from custom parameters. */
  readonly from?: string;
  readonly to?: string;
  readonly customParameters: Readonly<Record<string, string>>;
  readonly format: StreamMediaFormat;
  readonly tracks: readonly string[];
  /** Telnyx `client_state`, when present. */
  readonly clientState?: string;
}

/** One chunk of audio in the stream's encoding. */
export interface StreamMedia {
  readonly kind: 'media';
  readonly streamId?: string;
  /** `inbound` is the caller; `outbound` (both-track streams) is what the caller hears. */
  readonly track: 'inbound' | 'outbound';
  /** The carrier's per-media counter (from 1), the key for reordering. */
  readonly chunk: number;
  /** Media time of the chunk, ms since the stream started. */
  readonly timestampMs: number;
  readonly payload: Uint8Array;
}

/**
 * What a carrier sends on its media WebSocket, normalised over Twilio's
 * camelCase and Telnyx's snake_case frames. Every field is checked by the
 * carrier's parser; the stream's lifecycle (order, stream id) is checked by
 * {@link StreamLifecycle}.
 */
export type StreamEvent =
  | { readonly kind: 'connected'; readonly authToken?: string }
  | StreamStarted
  | StreamMedia
  | {
      readonly kind: 'dtmf';
      readonly streamId?: string;
      readonly digit: string;
      readonly durationMs?: number;
    }
  | { readonly kind: 'mark'; readonly streamId?: string; readonly name: string }
  | { readonly kind: 'stop'; readonly streamId?: string }
  | {
      readonly kind: 'error';
      readonly streamId?: string;
      readonly code?: string;
      readonly title?: string;
      readonly detail?: string;
    };

/** What the gateway sends to a carrier on the media WebSocket. */
export type StreamCommand =
  | { readonly kind: 'media'; readonly payload: Uint8Array }
  | { readonly kind: 'mark'; readonly name: string }
  | { readonly kind: 'clear' };

/** A carrier's wire format: frames in, commands out. Pure. */
export interface StreamDialect {
  readonly carrier: CarrierName;
  /**
   * Reads one text frame.
   *
   * @throws {@link StreamProtocolError} for anything the carrier does not document.
   */
  parse(text: string): StreamEvent;
  /** Writes one command for the stream `streamId` as the carrier expects it. */
  serialize(command: StreamCommand, streamId: string): string;
}
