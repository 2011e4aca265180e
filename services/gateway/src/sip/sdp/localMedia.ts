/** This side's media settings and how they become SDP (shared by offers and answers). */
import { type AudioFormat, type LocalCodec, TELEPHONE_EVENT } from './codecs';
import type { Direction } from './direction';
import type { SdpAttribute, SdpMedia, SdpSession } from './sdpTypes';

/** What this side can do and where it receives RTP. */
export interface LocalMediaConfig {
  /** RTP receive address written in c= (IPv4 or IPv6). */
  readonly address: string;
  readonly port: number;
  /** Supported codecs, most preferred first. */
  readonly codecs: readonly LocalCodec[];
  /** RFC 4733 events supported (fmtp list, default "0-16"); `false` disables telephone-event. */
  readonly telephoneEvents?: string | false;
  /** Payload type to offer for telephone-event (default 101). */
  readonly telephoneEventPayloadType?: number;
  /** Packetization time in ms (default 20). */
  readonly ptime?: number;
  /** What this side wants: `sendonly` to put the peer on hold. Default sendrecv. */
  readonly direction?: Direction;
  /** Answer with at most this many audio codecs besides telephone-event (default 1). */
  readonly maxCodecs?: number;
  readonly origin: {
    readonly username?: string;
    readonly sessionId: string;
    readonly sessionVersion: string;
  };
  readonly sessionName?: string;
}

/** The address type for c= and o=. */
export function addrType(address: string): 'IP4' | 'IP6' {
  return address.includes(':') ? 'IP6' : 'IP4';
}

/** Builds our audio m= section from chosen formats (with their payload types). */
export function buildAudioMedia(
  config: LocalMediaConfig,
  formats: readonly AudioFormat[],
  direction: Direction,
  telephoneEvent: { readonly payloadType: number; readonly events: string } | undefined,
): SdpMedia {
  const attributes: SdpAttribute[] = formats.map((f) => ({
    name: 'rtpmap',
    value: `${f.payloadType} ${f.encoding}/${f.clockRate}${f.channels > 1 ? `/${f.channels}` : ''}`,
  }));
  for (const f of formats)
    if (f.fmtp !== undefined)
      attributes.push({ name: 'fmtp', value: `${f.payloadType} ${f.fmtp}` });
  if (telephoneEvent) {
    attributes.push({
      name: 'rtpmap',
      value: `${telephoneEvent.payloadType} ${TELEPHONE_EVENT}/8000`,
    });
    attributes.push({
      name: 'fmtp',
      value: `${telephoneEvent.payloadType} ${telephoneEvent.events}`,
    });
  }
  attributes.push({ name: 'ptime', value: String(config.ptime ?? 20) }, { name: direction });
  const pts = [
    ...formats.map((f) => f.payloadType),
    ...(telephoneEvent ? [telephoneEvent.payloadType] : []),
  ];
  return {
    type: 'audio',
    port: config.port,
    protocol: 'RTP/AVP',
    formats: pts.map(String),
    attributes,
    otherLines: [],
  };
}

/** Wraps media sections in a session with our origin and connection. */
export function buildSession(config: LocalMediaConfig, media: readonly SdpMedia[]): SdpSession {
  const type = addrType(config.address);
  return {
    origin: {
      username: config.origin.username ?? '-',
      sessionId: config.origin.sessionId,
      sessionVersion: config.origin.sessionVersion,
      netType: 'IN',
      addrType: type,
      address: config.address,
    },
    sessionName: config.sessionName ?? '-',
    connection: { netType: 'IN', addrType: type, address: config.address },
    timing: ['0 0'],
    attributes: [],
    otherLines: [],
    media,
  };
}
