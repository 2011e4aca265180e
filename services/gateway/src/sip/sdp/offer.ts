/** Creates our SDP offer and reads the peer's answer to it (RFC 3264 §5, §7). */
import { type AudioFormat, mediaFormats, sameCodec, staticPayloadType } from './codecs';
import { mediaDirection } from './direction';
import { type LocalMediaConfig, buildAudioMedia, buildSession } from './localMedia';
import {
  type NegotiatedAudio,
  type NegotiationFailure,
  describeRemote,
  telephoneEventOf,
} from './negotiatedAudio';
import type { SdpSession } from './sdpTypes';

/** The formats we offer: static payload types where they exist, dynamic ones from 96 up. */
export function offeredFormats(config: LocalMediaConfig): AudioFormat[] {
  let dynamic = 96;
  const reserved = config.telephoneEventPayloadType ?? 101;
  return config.codecs.map((c) => {
    let pt = staticPayloadType(c);
    if (pt === undefined) {
      if (dynamic === reserved) dynamic++;
      pt = dynamic++;
    }
    return {
      payloadType: pt,
      encoding: c.encoding,
      clockRate: c.clockRate,
      channels: c.channels ?? 1,
    };
  });
}

/** An offer with one audio section listing every local codec (and telephone-event unless disabled). */
export function createOffer(config: LocalMediaConfig): SdpSession {
  const te =
    config.telephoneEvents === false
      ? undefined
      : {
          payloadType: config.telephoneEventPayloadType ?? 101,
          events: config.telephoneEvents ?? '0-16',
        };
  const media = buildAudioMedia(config, offeredFormats(config), config.direction ?? 'sendrecv', te);
  return buildSession(config, [media]);
}

/** The outcome of reading an answer to our offer. */
export type ReadAnswerResult =
  | { readonly ok: true; readonly audio: NegotiatedAudio }
  | { readonly ok: false; readonly reason: NegotiationFailure };

/**
 * Reads the answer to an offer made with {@link createOffer}: the first audio section with a
 * non-zero port, and its first format that we offered (by payload type, else by codec).
 */
export function readAnswer(offer: SdpSession, answer: SdpSession): ReadAnswerResult {
  const index = answer.media.findIndex((m) => m.type === 'audio' && m.port !== 0);
  const media = answer.media[index];
  const ours = offer.media[index];
  if (!media || !ours) return { ok: false, reason: 'no-audio' };
  const offered = mediaFormats(ours);
  const codec = mediaFormats(media).find(
    (f) =>
      f.encoding.toLowerCase() !== 'telephone-event' &&
      offered.some((o) => o.payloadType === f.payloadType || sameCodec(f, o)),
  );
  if (!codec) return { ok: false, reason: 'no-common-codec' };
  const audio = describeRemote(
    answer,
    index,
    codec,
    telephoneEventOf(media),
    mediaDirection(offer, ours),
  );
  return audio ? { ok: true, audio } : { ok: false, reason: 'no-audio' };
}
