/** RTP fixed header, CSRCs, header extension and padding (RFC 3550 §5.1, §5.3.1). */
import { RtpParseError } from './rtpParseError';

/** A header extension: 16-bit profile-defined value and its data (a multiple of 4 bytes). */
export interface RtpExtension {
  readonly profile: number;
  readonly data: Uint8Array;
}

/** A parsed RTP packet. */
export interface RtpPacket {
  readonly marker: boolean;
  readonly payloadType: number;
  readonly sequenceNumber: number;
  readonly timestamp: number;
  readonly ssrc: number;
  readonly csrcs: readonly number[];
  readonly extension?: RtpExtension;
  /** The payload without padding. */
  readonly payload: Uint8Array;
  /** Padding octets that followed the payload (0 when the P bit is clear). */
  readonly paddingLength: number;
}

/** Whether a datagram is RTCP rather than RTP when both share a port (RFC 5761 §4: PT 64..95). */
export function isRtcp(data: Uint8Array): boolean {
  const pt = (data[1] ?? 0) & 0x7f;
  return data.length >= 2 && pt >= 64 && pt <= 95;
}

/** Parses an RTP packet. Throws {@link RtpParseError}. */
export function parseRtpPacket(data: Uint8Array): RtpPacket {
  if (data.length < 12)
    throw new RtpParseError('too-short', `${data.length} bytes is shorter than the RTP header`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const b0 = view.getUint8(0);
  const b1 = view.getUint8(1);
  if (b0 >> 6 !== 2) throw new RtpParseError('bad-version', `RTP version ${b0 >> 6}`);
  const cc = b0 & 0x0f;
  let offset = 12 + cc * 4;
  if (offset > data.length) throw new RtpParseError('bad-csrc', `${cc} CSRCs do not fit`);
  const csrcs = Array.from({ length: cc }, (_, i) => view.getUint32(12 + i * 4));
  let extension: RtpExtension | undefined;
  if (b0 & 0x10) {
    if (offset + 4 > data.length)
      throw new RtpParseError('bad-extension', 'extension header does not fit');
    const profile = view.getUint16(offset);
    const words = view.getUint16(offset + 2);
    const end = offset + 4 + words * 4;
    if (end > data.length) throw new RtpParseError('bad-extension', 'extension data does not fit');
    extension = { profile, data: data.slice(offset + 4, end) };
    offset = end;
  }
  let end = data.length;
  let paddingLength = 0;
  if (b0 & 0x20) {
    paddingLength = data[data.length - 1] ?? 0;
    if (paddingLength === 0 || offset + paddingLength > data.length) {
      throw new RtpParseError('bad-padding', `padding length ${paddingLength}`);
    }
    end -= paddingLength;
  }
  return {
    marker: (b1 & 0x80) !== 0,
    payloadType: b1 & 0x7f,
    sequenceNumber: view.getUint16(2),
    timestamp: view.getUint32(4),
    ssrc: view.getUint32(8),
    csrcs,
    ...(extension ? { extension } : {}),
    payload: data.slice(offset, end),
    paddingLength,
  };
}

/** Serializes an RTP packet (version 2). Padding octets are zero except the last, which holds the count. */
export function serializeRtpPacket(p: RtpPacket): Uint8Array {
  const ext = p.extension;
  if (ext && ext.data.length % 4 !== 0)
    throw new RangeError('extension data must be a multiple of 4 bytes');
  if (p.csrcs.length > 15) throw new RangeError('at most 15 CSRCs');
  const headerLength = 12 + p.csrcs.length * 4 + (ext ? 4 + ext.data.length : 0);
  const out = new Uint8Array(headerLength + p.payload.length + p.paddingLength);
  const view = new DataView(out.buffer);
  view.setUint8(0, 0x80 | (p.paddingLength > 0 ? 0x20 : 0) | (ext ? 0x10 : 0) | p.csrcs.length);
  view.setUint8(1, (p.marker ? 0x80 : 0) | (p.payloadType & 0x7f));
  view.setUint16(2, p.sequenceNumber & 0xffff);
  view.setUint32(4, p.timestamp >>> 0);
  view.setUint32(8, p.ssrc >>> 0);
  p.csrcs.forEach((c, i) => view.setUint32(12 + i * 4, c >>> 0));
  let offset = 12 + p.csrcs.length * 4;
  if (ext) {
    view.setUint16(offset, ext.profile);
    view.setUint16(offset + 2, ext.data.length / 4);
    out.set(ext.data, offset + 4);
    offset += 4 + ext.data.length;
  }
  out.set(p.payload, offset);
  if (p.paddingLength > 0) out[out.length - 1] = p.paddingLength;
  return out;
}
