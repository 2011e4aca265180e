/** What the transport needs after offer/answer: where to send, which payload types, direction. */
import {
  type AudioFormat,
  TELEPHONE_EVENT,
  attributeValues,
  mediaFormats,
  parseEventList,
} from './codecs';
import { type Direction, connectionAddress, isHold, mediaDirection } from './direction';
import type { SdpMedia, SdpSession } from './sdpTypes';

/** The negotiated audio stream. */
export interface NegotiatedAudio {
  /** Index of the audio m= section in the offer. */
  readonly mediaIndex: number;
  /** Where to send RTP, and the only source to accept it from. */
  readonly remoteAddress: string;
  readonly remotePort: number;
  /** The codec, with the payload type to put in RTP. */
  readonly codec: AudioFormat;
  /** RFC 4733 telephone-event payload type and events, when both sides support it. */
  readonly telephoneEvent?: { readonly payloadType: number; readonly events: ReadonlySet<number> };
  /** Our direction as written in our SDP. */
  readonly localDirection: Direction;
  /** The peer's direction as written in its SDP. */
  readonly remoteDirection: Direction;
  /** The peer's a=ptime, if any. */
  readonly remotePtime?: number;
  /** The peer put us on hold (sendonly/inactive or c=0.0.0.0). */
  readonly hold: boolean;
}

/** Why no audio stream could be agreed (the transport answers 488 Not Acceptable Here). */
export type NegotiationFailure = 'no-audio' | 'no-common-codec';

/** Finds the telephone-event format in a media section. */
export function telephoneEventOf(media: SdpMedia): AudioFormat | undefined {
  return mediaFormats(media).find(
    (f) => f.encoding.toLowerCase() === TELEPHONE_EVENT && f.clockRate === 8000,
  );
}

/** Builds the negotiated view from the peer's SDP and the chosen formats. */
export function describeRemote(
  remote: SdpSession,
  mediaIndex: number,
  codec: AudioFormat,
  telephoneEvent: AudioFormat | undefined,
  localDirection: Direction,
): NegotiatedAudio | undefined {
  const media = remote.media[mediaIndex];
  const address = media && connectionAddress(remote, media);
  if (!media || address === undefined) return undefined;
  const ptime = Number(attributeValues(media, 'ptime')[0]);
  return {
    mediaIndex,
    remoteAddress: address,
    remotePort: media.port,
    codec,
    ...(telephoneEvent
      ? {
          telephoneEvent: {
            payloadType: telephoneEvent.payloadType,
            events: parseEventList(telephoneEvent.fmtp ?? '0-15'),
          },
        }
      : {}),
    localDirection,
    remoteDirection: mediaDirection(remote, media),
    ...(Number.isFinite(ptime) && ptime > 0 ? { remotePtime: ptime } : {}),
    hold: isHold(remote, media),
  };
}
