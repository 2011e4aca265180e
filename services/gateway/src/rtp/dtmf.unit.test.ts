import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DtmfDetector, type DtmfEvent } from './dtmfDetector';
import { type RtpPacket, parseRtpPacket } from './rtpPacket';
import { RtpParseError } from './rtpParseError';
import {
  digitToEvent,
  eventToDigit,
  parseTelephoneEvent,
  serializeTelephoneEvent,
} from './telephoneEvent';

const captured: RtpPacket[] = readFileSync(
  join(__dirname, '../../test-vectors/rtp/baresip-dtmf-5-and-hash.hex'),
  'utf8',
)
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('#'))
  .map((l) => parseRtpPacket(Buffer.from(l, 'hex')));

const event = (
  ts: number,
  ev: number,
  duration: number,
  end = false,
  marker = false,
): RtpPacket => ({
  marker,
  payloadType: 101,
  sequenceNumber: 0,
  timestamp: ts,
  ssrc: 1,
  csrcs: [],
  paddingLength: 0,
  payload: serializeTelephoneEvent({ event: ev, end, volume: 10, duration }),
});

describe('telephone-event payload (RFC 4733 §2.3)', () => {
  it('parses baresip packets: event 5, volume 10, growing duration, three end packets', () => {
    const five = captured.filter((p) => parseTelephoneEvent(p.payload).event === 5);
    expect(five).toHaveLength(12);
    expect(five[0]?.marker).toBe(true);
    expect(parseTelephoneEvent(five[0]!.payload)).toEqual({
      event: 5,
      end: false,
      volume: 10,
      duration: 160,
    });
    expect(five.slice(-3).map((p) => parseTelephoneEvent(p.payload))).toEqual(
      Array(3).fill({ event: 5, end: true, volume: 10, duration: 1440 }),
    );
    expect(new Set(five.map((p) => p.timestamp)).size).toBe(1);
  });

  it('round-trips and maps digits', () => {
    const e = { event: 11, end: true, volume: 63, duration: 65535 };
    expect(parseTelephoneEvent(serializeTelephoneEvent(e))).toEqual(e);
    expect([
      eventToDigit(10),
      eventToDigit(11),
      eventToDigit(15),
      eventToDigit(16),
      eventToDigit(40),
    ]).toEqual(['*', '#', 'D', 'flash', undefined]);
    expect([digitToEvent('#'), digitToEvent('a'), digitToEvent('x')]).toEqual([11, 12, undefined]);
    expect(() => parseTelephoneEvent(Uint8Array.of(1, 2, 3))).toThrow(RtpParseError);
  });
});

describe('DtmfDetector', () => {
  it('turns the captured baresip packets into one start and one end per key', () => {
    const d = new DtmfDetector();
    const events = captured.flatMap((p) => d.push(p));
    expect(events.map((e) => `${e.type}:${e.digit}`)).toEqual([
      'dtmf-start:5',
      'dtmf-end:5',
      'dtmf-start:#',
      'dtmf-end:#',
    ]);
    const end = events[1] as Extract<DtmfEvent, { type: 'dtmf-end' }>;
    expect([end.duration, end.durationMs, end.endSeen]).toEqual([1440, 180, true]);
  });

  it('closes an event whose end packets were lost when the next event starts, or on flush', () => {
    const d = new DtmfDetector();
    const out = [
      ...d.push(event(1000, 1, 160, false, true)),
      ...d.push(event(1000, 1, 320)),
      ...d.push(event(5000, 2, 160, false, true)),
    ];
    expect(
      out.map((e) =>
        e.type === 'dtmf-end' ? `end:${e.digit}:${e.duration}:${e.endSeen}` : `start:${e.digit}`,
      ),
    ).toEqual(['start:1', 'end:1:320:false', 'start:2']);
    expect(d.flush()).toMatchObject([{ type: 'dtmf-end', digit: '2', endSeen: false }]);
    expect(d.flush()).toEqual([]);
  });

  it('ignores repeated end packets and reordered packets of an ended event', () => {
    const d = new DtmfDetector();
    d.push(event(1000, 9, 160, false, true));
    expect(d.push(event(1000, 9, 800, true))).toHaveLength(1);
    expect(d.push(event(1000, 9, 800, true))).toEqual([]);
    expect(d.push(event(1000, 9, 480))).toEqual([]);
  });

  it('reports an end-only event (start packets lost) as start and end', () => {
    expect(new DtmfDetector().push(event(7, 0, 960, true)).map((e) => e.type)).toEqual([
      'dtmf-start',
      'dtmf-end',
    ]);
  });
});
