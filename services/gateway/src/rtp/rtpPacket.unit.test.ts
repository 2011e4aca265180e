import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRtcp, parseRtpPacket, serializeRtpPacket } from './rtpPacket';
import { RtpParseError } from './rtpParseError';

const hexLines = (name: string): Buffer[] =>
  readFileSync(join(__dirname, '../../test-vectors/rtp', name), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => Buffer.from(l, 'hex'));

describe('RTP packets (RFC 3550 §5.1)', () => {
  const pcmu = hexLines('baresip-pcmu-first-packets.hex');

  it('parses baresip PCMU packets: marker on the first, +1 sequence, +160 timestamp', () => {
    const [a, b] = pcmu.map((p) => parseRtpPacket(p));
    expect(a).toMatchObject({
      marker: true,
      payloadType: 0,
      sequenceNumber: 0x48ec,
      timestamp: 0x6d07,
      ssrc: 0xccfb6544,
      csrcs: [],
      paddingLength: 0,
    });
    expect(a?.payload.length).toBe(160);
    expect(b).toMatchObject({ marker: false, sequenceNumber: 0x48ed, timestamp: 0x6d07 + 160 });
  });

  it('serializes baresip packets back to the same bytes', () => {
    for (const p of pcmu) expect(Buffer.from(serializeRtpPacket(parseRtpPacket(p)))).toEqual(p);
  });

  it('round-trips CSRCs, a header extension and padding', () => {
    const packet = {
      marker: false,
      payloadType: 96,
      sequenceNumber: 65535,
      timestamp: 0xfffffff0,
      ssrc: 0x01020304,
      csrcs: [1, 0xffffffff],
      extension: { profile: 0xbede, data: Uint8Array.of(1, 2, 3, 4) },
      payload: Uint8Array.of(9, 9, 9),
      paddingLength: 5,
    };
    const bytes = serializeRtpPacket(packet);
    expect(bytes.length).toBe(12 + 8 + 8 + 3 + 5);
    expect(bytes[0]).toBe(0x80 | 0x20 | 0x10 | 2);
    expect(parseRtpPacket(bytes)).toEqual(packet);
  });

  it.each([
    ['too short', Buffer.alloc(11), 'too-short'],
    ['version 1', Buffer.from('400000000000000000000000', 'hex'), 'bad-version'],
    ['CSRCs beyond the end', Buffer.from('830000000000000000000000', 'hex'), 'bad-csrc'],
    [
      'extension beyond the end',
      Buffer.from('9000000000000000000000000000', 'hex'),
      'bad-extension',
    ],
    ['padding count 0', Buffer.from('a0000000000000000000000000', 'hex'), 'bad-padding'],
    [
      'padding longer than the packet',
      Buffer.from('a00000000000000000000000ff', 'hex'),
      'bad-padding',
    ],
  ])('rejects %s', (_why, bytes, reason) => {
    expect(() => parseRtpPacket(bytes)).toThrow(RtpParseError);
    try {
      parseRtpPacket(bytes);
    } catch (e) {
      expect((e as RtpParseError).reason).toBe(reason);
    }
  });

  it('tells RTCP from RTP on a shared port (RFC 5761)', () => {
    expect(isRtcp(Buffer.from('81c90001', 'hex'))).toBe(true);
    expect(isRtcp(pcmu[0] ?? Buffer.alloc(0))).toBe(false);
  });
});
