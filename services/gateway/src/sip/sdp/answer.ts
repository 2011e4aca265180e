/** Answers an SDP offer (RFC 3264 §6): one audio stream, our codec preference, 488 when none fits. */
import {
  type AudioFormat,
  TELEPHONE_EVENT,
  formatEventList,
  mediaFormats,
  parseEventList,
  sameCodec,
} from './codecs';
import { answerDirection, mediaDirection } from './direction';
import { type LocalMediaConfig, buildAudioMedia, buildSession } from './localMedia';
import {
  type NegotiatedAudio,
  type NegotiationFailure,
  describeRemote,
  telephoneEventOf,
} from './negotiatedAudio';
import type { SdpMedia, SdpSession } from './sdpTypes';

/** The outcome of answering an offer. */
export type AnswerResult =
  | { readonly ok: true; readonly answer: SdpSession; readonly audio: NegotiatedAudio }
  | { readonly ok: false; readonly reason: NegotiationFailure };

function usableAudio(m: SdpMedia): boolean {
  return m.type === 'audio' && m.port !== 0 && m.protocol.toUpperCase() === 'RTP/AVP';
}

function pickCodecs(offered: readonly AudioFormat[], config: LocalMediaConfig): AudioFormat[] {
  const chosen: AudioFormat[] = [];
  for (const codec of config.codecs) {
    const hit = offered.find((f) => sameCodec(f, codec));
    if (hit && !chosen.includes(hit)) chosen.push(hit);
  }
  return chosen.slice(0, Math.max(1, config.maxCodecs ?? 1));
}

function rejected(m: SdpMedia): SdpMedia {
  return {
    type: m.type,
    port: 0,
    protocol: m.protocol,
    formats: m.formats.slice(0, 1),
    attributes: [],
    otherLines: [],
  };
}

/**
 * Answers an offer: picks the first usable audio section, the most preferred local codec the
 * offer has (keeping the offerer's payload type), telephone-event when both sides support it,
 * and rejects every other section with port 0.
 */
export function createAnswer(offer: SdpSession, config: LocalMediaConfig): AnswerResult {
  const index = offer.media.findIndex(usableAudio);
  const media = offer.media[index];
  if (!media) return { ok: false, reason: 'no-audio' };
  const codecs = pickCodecs(mediaFormats(media), config);
  const first = codecs[0];
  if (!first) return { ok: false, reason: 'no-common-codec' };
  const offeredTe = config.telephoneEvents === false ? undefined : telephoneEventOf(media);
  const ours = parseEventList(config.telephoneEvents || '0-16');
  const common = offeredTe
    ? [...parseEventList(offeredTe.fmtp ?? '0-15')].filter((e) => ours.has(e))
    : [];
  const te =
    offeredTe && common.length > 0
      ? { payloadType: offeredTe.payloadType, events: formatEventList(common) }
      : undefined;
  const direction = answerDirection(mediaDirection(offer, media), config.direction);
  const answerMedia = offer.media.map((m, i) =>
    i === index ? buildAudioMedia(config, codecs, direction, te) : rejected(m),
  );
  const teFormat: AudioFormat | undefined =
    te && offeredTe ? { ...offeredTe, fmtp: te.events, encoding: TELEPHONE_EVENT } : undefined;
  const audio = describeRemote(offer, index, first, teFormat, direction);
  if (!audio) return { ok: false, reason: 'no-audio' };
  return { ok: true, answer: buildSession(config, answerMedia), audio };
}
