import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { G722, PCMA, PCMU, formatEventList, mediaFormats, parseEventList } from './codecs';
import { answerDirection, isHold, mediaDirection } from './direction';
import { parseSdp } from './sdpParser';
import { SdpParseError } from './sdpParseError';
import { serializeSdp } from './sdpSerializer';

const load = (name: string): string =>
  readFileSync(join(__dirname, '../../../test-vectors/sdp', name), 'utf8');

describe('parseSdp', () => {
  it('parses the RFC 4566 §5 example', () => {
    const s = parseSdp(load('rfc4566-5-example.sdp'));
    expect(s.origin).toMatchObject({
      username: 'jdoe',
      sessionId: '2890844526',
      address: '10.47.16.5',
    });
    expect(s.sessionName).toBe('SDP Seminar');
    expect(s.connection?.address).toBe('224.2.17.12');
    expect(s.media.map((m) => [m.type, m.port, m.formats])).toEqual([
      ['audio', 49170, ['0']],
      ['video', 51372, ['99']],
    ]);
    expect(mediaDirection(s, s.media[0]!)).toBe('recvonly');
    expect(s.otherLines.map((l) => l.type)).toEqual(['i', 'u', 'e']);
  });

  it('parses baresip offer formats, telephone-event fmtp and ptime', () => {
    const s = parseSdp(load('baresip-offer.sdp'));
    const audio = s.media[0]!;
    expect(mediaFormats(audio)).toEqual([
      { payloadType: 0, encoding: 'PCMU', clockRate: 8000, channels: 1 },
      { payloadType: 8, encoding: 'PCMA', clockRate: 8000, channels: 1 },
      { payloadType: 101, encoding: 'telephone-event', clockRate: 8000, channels: 1, fmtp: '0-15' },
    ]);
    expect(audio.port).toBe(18188);
  });

  it('uses the static table when rtpmap is missing (RFC 3551)', () => {
    const s = parseSdp(
      'v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 9 0 96\r\n',
    );
    expect(mediaFormats(s.media[0]!).map((f) => f.encoding)).toEqual(['G722', 'PCMU']);
  });

  it('round-trips through serializeSdp', () => {
    for (const f of [
      'rfc4566-5-example.sdp',
      'rfc3264-10-1-offer.sdp',
      'rfc3264-10-1-answer.sdp',
      'baresip-offer.sdp',
      'baresip-answer.sdp',
    ]) {
      const text = load(f);
      expect(serializeSdp(parseSdp(text))).toBe(text);
    }
  });

  it.each([
    ['not v=0 first', 'o=- 1 1 IN IP4 a\r\nv=0\r\n'],
    ['missing o=', 'v=0\r\ns=-\r\nt=0 0\r\n'],
    ['bad line', 'v=0\r\nhello\r\n'],
    ['bad m=', 'v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nc=IN IP4 a\r\nt=0 0\r\nm=audio x RTP/AVP 0\r\n'],
    ['bad c=', 'v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nc=IN IPX a\r\nt=0 0\r\n'],
    ['media without c=', 'v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nt=0 0\r\nm=audio 1 RTP/AVP 0\r\n'],
  ])('rejects %s', (_why, text) => {
    expect(() => parseSdp(text)).toThrow(SdpParseError);
  });
});

describe('codec helpers and direction', () => {
  it('parses and formats telephone-event lists', () => {
    expect([...parseEventList('0-3,11,16')]).toEqual([0, 1, 2, 3, 11, 16]);
    expect(formatEventList([16, 0, 1, 2, 11, 3])).toBe('0-3,11,16');
    expect([PCMU, PCMA, G722].map((c) => c.encoding)).toEqual(['PCMU', 'PCMA', 'G722']);
  });

  it('answers directions per RFC 3264 §6.1', () => {
    expect(answerDirection('sendrecv')).toBe('sendrecv');
    expect(answerDirection('sendonly')).toBe('recvonly');
    expect(answerDirection('recvonly')).toBe('sendonly');
    expect(answerDirection('inactive')).toBe('inactive');
    expect(answerDirection('sendrecv', 'sendonly')).toBe('sendonly');
    expect(answerDirection('sendonly', 'sendonly')).toBe('inactive');
  });

  it('detects hold from a=sendonly, a=inactive and c=0.0.0.0', () => {
    const base =
      'v=0\r\no=- 1 2 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n';
    const hold = (sdp: string): boolean => {
      const s = parseSdp(sdp);
      return isHold(s, s.media[0]!);
    };
    expect(hold(base)).toBe(false);
    expect(hold(`${base}a=sendonly\r\n`)).toBe(true);
    expect(hold(`${base}a=inactive\r\n`)).toBe(true);
    expect(hold(`${base}a=recvonly\r\n`)).toBe(false);
    expect(hold(base.replace('c=IN IP4 192.0.2.1', 'c=IN IP4 0.0.0.0'))).toBe(true);
  });
});
