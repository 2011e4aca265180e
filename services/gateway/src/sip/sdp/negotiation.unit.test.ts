import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { G722, PCMA, PCMU, mediaFormats } from './codecs';
import { createAnswer } from './answer';
import type { LocalMediaConfig } from './localMedia';
import { createOffer, readAnswer } from './offer';
import { parseSdp } from './sdpParser';
import { serializeSdp } from './sdpSerializer';

const load = (name: string) =>
  parseSdp(readFileSync(join(__dirname, '../../../test-vectors/sdp', name), 'utf8'));
const local = (over: Partial<LocalMediaConfig> = {}): LocalMediaConfig => ({
  address: '192.0.2.50',
  port: 30000,
  codecs: [PCMA, PCMU],
  origin: { sessionId: '42', sessionVersion: '1' },
  ...over,
});

describe('createAnswer (RFC 3264 §6)', () => {
  it('answers the baresip offer with our preferred codec and its telephone-event', () => {
    const result = createAnswer(load('baresip-offer.sdp'), local());
    if (!result.ok) throw new Error(result.reason);
    expect(result.audio).toMatchObject({
      remoteAddress: '127.0.0.1',
      remotePort: 18188,
      codec: { payloadType: 8, encoding: 'PCMA' },
      localDirection: 'sendrecv',
      remoteDirection: 'sendrecv',
      remotePtime: 20,
      hold: false,
    });
    expect([...(result.audio.telephoneEvent?.events ?? [])]).toHaveLength(16);
    expect(serializeSdp(result.answer)).toBe(
      [
        'v=0',
        'o=- 42 1 IN IP4 192.0.2.50',
        's=-',
        'c=IN IP4 192.0.2.50',
        't=0 0',
        'm=audio 30000 RTP/AVP 8 101',
        'a=rtpmap:8 PCMA/8000',
        'a=rtpmap:101 telephone-event/8000',
        'a=fmtp:101 0-15',
        'a=ptime:20',
        'a=sendrecv',
        '',
      ].join('\r\n'),
    );
  });

  it('rejects the video stream of the RFC 3264 §10.1 offer with port 0 and keeps the offer order', () => {
    const result = createAnswer(load('rfc3264-10-1-offer.sdp'), local({ codecs: [PCMU] }));
    if (!result.ok) throw new Error(result.reason);
    expect(result.answer.media.map((m) => [m.type, m.port, m.formats])).toEqual([
      ['audio', 30000, ['0']],
      ['video', 0, ['31']],
    ]);
    expect(result.audio.remoteAddress).toBe('host.atlanta.example.com');
    expect(result.audio.telephoneEvent).toBeUndefined();
  });

  it('returns no-common-codec when nothing matches (the transport answers 488)', () => {
    expect(createAnswer(load('rfc3264-10-1-offer.sdp'), local({ codecs: [G722] }))).toEqual({
      ok: false,
      reason: 'no-common-codec',
    });
    const videoOnly = parseSdp(
      'v=0\r\no=- 1 1 IN IP4 a.example\r\ns=-\r\nc=IN IP4 a.example\r\nt=0 0\r\nm=video 5000 RTP/AVP 31\r\n',
    );
    expect(createAnswer(videoOnly, local())).toEqual({ ok: false, reason: 'no-audio' });
  });

  it('answers a hold re-offer (a=sendonly) with recvonly and reports hold', () => {
    const offer = parseSdp(
      serializeSdp(load('baresip-offer.sdp')).replace('a=sendrecv', 'a=sendonly'),
    );
    const result = createAnswer(offer, local());
    expect(result.ok && [result.audio.hold, result.audio.localDirection]).toEqual([
      true,
      'recvonly',
    ]);
  });

  it('intersects telephone-event ranges and honours maxCodecs', () => {
    const offer = parseSdp(
      serializeSdp(load('baresip-offer.sdp')).replace('a=fmtp:101 0-15', 'a=fmtp:101 0-11,16'),
    );
    const result = createAnswer(offer, local({ telephoneEvents: '0-9', maxCodecs: 2 }));
    if (!result.ok) throw new Error(result.reason);
    expect(result.answer.media[0]?.formats).toEqual(['8', '0', '101']);
    expect([...(result.audio.telephoneEvent?.events ?? [])]).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });
});

describe('createOffer and readAnswer', () => {
  it('offers static payload types and telephone-event 101', () => {
    const offer = createOffer(
      local({ codecs: [PCMU, PCMA, G722, { encoding: 'opus', clockRate: 48000, channels: 2 }] }),
    );
    expect(offer.media[0]?.formats).toEqual(['0', '8', '9', '96', '101']);
    expect(mediaFormats(offer.media[0]!).map((f) => f.encoding)).toEqual([
      'PCMU',
      'PCMA',
      'G722',
      'opus',
      'telephone-event',
    ]);
  });

  it('reads the baresip answer to an offer', () => {
    const offer = createOffer(local({ codecs: [PCMU, PCMA] }));
    const result = readAnswer(offer, load('baresip-answer.sdp'));
    expect(result.ok && result.audio).toMatchObject({
      remotePort: 1326,
      codec: { payloadType: 0 },
      telephoneEvent: { payloadType: 101 },
    });
    const rejected = parseSdp(
      'v=0\r\no=- 1 1 IN IP4 a.example\r\ns=-\r\nc=IN IP4 a.example\r\nt=0 0\r\nm=audio 0 RTP/AVP 0\r\n',
    );
    expect(readAnswer(offer, rejected)).toEqual({ ok: false, reason: 'no-audio' });
  });
});
