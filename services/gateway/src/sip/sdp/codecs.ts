/** Audio payload formats of an m= section: static types (RFC 3551) plus a=rtpmap / a=fmtp. */
import type { SdpMedia } from './sdpTypes';

/** A payload format as negotiated. */
export interface AudioFormat {
  readonly payloadType: number;
  /** Encoding name as written (compare case-insensitively). */
  readonly encoding: string;
  readonly clockRate: number;
  readonly channels: number;
  readonly fmtp?: string;
}

/** A codec this side supports. Static payload types are used when the encoding has one. */
export interface LocalCodec {
  readonly encoding: string;
  readonly clockRate: number;
  readonly channels?: number;
}

/** Static audio payload types of RFC 3551 §6 (G722 is 8000 in SDP although it samples at 16 kHz). */
export const STATIC_AUDIO: Readonly<Record<number, LocalCodec>> = {
  0: { encoding: 'PCMU', clockRate: 8000 },
  3: { encoding: 'GSM', clockRate: 8000 },
  4: { encoding: 'G723', clockRate: 8000 },
  8: { encoding: 'PCMA', clockRate: 8000 },
  9: { encoding: 'G722', clockRate: 8000 },
  13: { encoding: 'CN', clockRate: 8000 },
  18: { encoding: 'G729', clockRate: 8000 },
};

/** G.711 mu-law, static payload type 0. */
export const PCMU: LocalCodec = { encoding: 'PCMU', clockRate: 8000 };
/** G.711 A-law, static payload type 8. */
export const PCMA: LocalCodec = { encoding: 'PCMA', clockRate: 8000 };
/** G.722, static payload type 9 (RTP clock 8000 by RFC 3551 although it samples at 16 kHz). */
export const G722: LocalCodec = { encoding: 'G722', clockRate: 8000 };
/** The RFC 4733 encoding name for DTMF events. */
export const TELEPHONE_EVENT = 'telephone-event';

/** Values of every attribute with this name in the media section. */
export function attributeValues(media: SdpMedia, name: string): string[] {
  return media.attributes.filter((a) => a.name.toLowerCase() === name).map((a) => a.value ?? '');
}

function byPayloadType(values: readonly string[]): Map<number, string> {
  const map = new Map<number, string>();
  for (const v of values) {
    const m = /^(\d{1,3})\s+(.*)$/.exec(v.trim());
    if (m) map.set(Number(m[1]), m[2] ?? '');
  }
  return map;
}

/** The formats of an m= section that can be understood (a dynamic type without rtpmap is skipped). */
export function mediaFormats(media: SdpMedia): AudioFormat[] {
  const rtpmap = byPayloadType(attributeValues(media, 'rtpmap'));
  const fmtp = byPayloadType(attributeValues(media, 'fmtp'));
  const out: AudioFormat[] = [];
  for (const f of media.formats) {
    if (!/^\d{1,3}$/.test(f)) continue;
    const pt = Number(f);
    const map = /^([^/\s]+)\/(\d+)(?:\/(\d+))?$/.exec(rtpmap.get(pt) ?? '');
    const known = STATIC_AUDIO[pt];
    const params = fmtp.get(pt);
    const extra = params === undefined ? {} : { fmtp: params };
    if (map)
      out.push({
        payloadType: pt,
        encoding: map[1] ?? '',
        clockRate: Number(map[2]),
        channels: Number(map[3] ?? 1),
        ...extra,
      });
    else if (known)
      out.push({
        payloadType: pt,
        encoding: known.encoding,
        clockRate: known.clockRate,
        channels: 1,
        ...extra,
      });
  }
  return out;
}

/** Whether an offered format is the same codec as a local one (name case-insensitive, rate, channels). */
export function sameCodec(format: AudioFormat, codec: LocalCodec): boolean {
  return (
    format.encoding.toLowerCase() === codec.encoding.toLowerCase() &&
    format.clockRate === codec.clockRate &&
    format.channels === (codec.channels ?? 1)
  );
}

/** The static payload type of a codec, if it has one. */
export function staticPayloadType(codec: LocalCodec): number | undefined {
  const hit = Object.entries(STATIC_AUDIO).find(([, c]) =>
    sameCodec({ payloadType: 0, channels: 1, ...c }, codec),
  );
  return hit ? Number(hit[0]) : undefined;
}

/** Parses a telephone-event fmtp list such as "0-15,66" into event codes. Malformed parts are skipped. */
export function parseEventList(list: string): Set<number> {
  const events = new Set<number>();
  for (const part of list.split(',')) {
    const m = /^\s*(\d{1,3})(?:-(\d{1,3}))?\s*$/.exec(part);
    if (!m) continue;
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    for (let e = from; e <= Math.min(to, 255); e++) events.add(e);
  }
  return events;
}

/** Formats event codes as ranges ("0-16", "0-11,16"). */
export function formatEventList(events: Iterable<number>): string {
  const sorted = [...new Set(events)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
