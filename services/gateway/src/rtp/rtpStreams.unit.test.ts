import { INITIAL_JITTER, timestampDelta, updateJitter } from './jitter';
import { parseRtpPacket, serializeRtpPacket } from './rtpPacket';
import type { RtpPacket } from './rtpPacket';
import { RtpReceiver } from './rtpReceiver';
import { RtpSender } from './rtpSender';
import { initSequence, updateSequence } from './sequenceTracker';

const fixed = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => 0xf0 + i);

describe('RtpSender', () => {
  it('starts from random values, steps the timestamp per frame and marks talkspurts', () => {
    const s = new RtpSender({ payloadType: 0, samplesPerFrame: 160, random: fixed });
    expect(s.ssrc).toBe(0xf0f1f2f3);
    const a = s.audio(new Uint8Array(160));
    const b = s.audio(new Uint8Array(160));
    expect([a.marker, a.sequenceNumber, a.timestamp]).toEqual([true, 0xf4f5, 0xf6f7f8f9]);
    expect([b.marker, b.sequenceNumber, b.timestamp]).toEqual([false, 0xf4f6, 0xf6f7f8f9 + 160]);
    s.silence(3);
    const c = s.audio(new Uint8Array(160));
    expect([c.marker, c.timestamp]).toEqual([true, 0xf6f7f8f9 + 160 * 5]);
  });

  it('wraps sequence and timestamp, and numbers events in the same sequence space', () => {
    const s = new RtpSender({
      payloadType: 8,
      samplesPerFrame: 160,
      random: () => Uint8Array.of(0, 0, 0, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xf0),
    });
    expect(s.audio(new Uint8Array(1)).sequenceNumber).toBe(0xffff);
    const e = s.event(101, 1234, true, Uint8Array.of(5, 10, 0, 160));
    expect([e.sequenceNumber, e.timestamp, e.marker, e.payloadType]).toEqual([0, 1234, true, 101]);
    expect(s.nextTimestamp).toBe((0xfffffff0 + 160) >>> 0);
    expect(parseRtpPacket(serializeRtpPacket(e))).toEqual(e);
  });
});

describe('sequence tracking (RFC 3550 A.1)', () => {
  it('counts cycles across the 16-bit wrap', () => {
    let s = initSequence(65534);
    const verdicts: string[] = [];
    for (const seq of [65535, 0, 1]) {
      const r = updateSequence(s, seq);
      verdicts.push(`${r.verdict}:${r.extended}`);
      s = r.state;
    }
    expect(verdicts).toEqual(['in-order:65535', 'in-order:65536', 'in-order:65537']);
  });

  it('marks late and duplicate packets, including from before the wrap', () => {
    const s = updateSequence(updateSequence(initSequence(65535), 1).state, 3).state;
    expect(updateSequence(s, 2)).toMatchObject({ verdict: 'late', extended: 65538 });
    expect(updateSequence(s, 65535)).toMatchObject({ verdict: 'late', extended: 65535 });
    expect(updateSequence(s, 3)).toMatchObject({ verdict: 'late', extended: 65539 });
  });

  it('drops one big jump and resyncs when the next packet follows it', () => {
    const s = initSequence(100);
    const jump = updateSequence(s, 20000);
    expect(jump.verdict).toBe('jump');
    expect(updateSequence(jump.state, 20001)).toMatchObject({ verdict: 'resync', extended: 20001 });
  });
});

describe('jitter (RFC 3550 A.8)', () => {
  it('is zero for perfectly paced packets and grows with arrival variation', () => {
    let j = INITIAL_JITTER;
    for (let i = 0; i < 10; i++) j = updateJitter(j, i * 160, 1000 + i * 20, 8000);
    expect(j.jitter).toBe(0);
    j = updateJitter(j, 10 * 160, 1000 + 10 * 20 + 10, 8000);
    expect(j.jitter).toBeCloseTo(80 / 16);
  });

  it('handles RTP timestamp wrap', () => {
    expect(timestampDelta(5, 0xfffffffb)).toBe(10);
    let j = updateJitter(INITIAL_JITTER, 0xffffff60, 0, 8000);
    j = updateJitter(j, 0, 20, 8000);
    expect(j.jitter).toBe(0);
  });
});

describe('RtpReceiver', () => {
  const expected = { address: '192.0.2.7', port: 40000 };
  const packet = (seq: number, ssrc = 1): RtpPacket => ({
    marker: false,
    payloadType: 0,
    sequenceNumber: seq,
    timestamp: seq * 160,
    ssrc,
    csrcs: [],
    payload: new Uint8Array(160),
    paddingLength: 0,
  });

  it('flags packets from any other address or port', () => {
    const r = new RtpReceiver(expected, 8000);
    expect(r.receive(packet(1), { address: '192.0.2.99', port: 40000 }, 0)).toMatchObject({
      kind: 'unexpected-source',
    });
    expect(r.receive(packet(1), { address: '192.0.2.7', port: 40001 }, 0).kind).toBe(
      'unexpected-source',
    );
    expect(r.receive(packet(1), expected, 0)).toMatchObject({
      kind: 'accepted',
      verdict: 'first',
      newSource: false,
    });
    r.setExpectedSource({ address: '192.0.2.8', port: 40000 });
    expect(r.receive(packet(2), expected, 20).kind).toBe('unexpected-source');
  });

  it('reports a new SSRC once and restarts its sequence state', () => {
    const r = new RtpReceiver(expected, 8000);
    r.receive(packet(10), expected, 0);
    expect(r.receive(packet(11), expected, 20)).toMatchObject({
      verdict: 'in-order',
      extendedSequence: 11,
      jitter: 0,
    });
    expect(r.receive(packet(5000, 2), expected, 40)).toMatchObject({
      verdict: 'first',
      newSource: true,
    });
    expect(r.receive(packet(5001, 2), expected, 60)).toMatchObject({
      verdict: 'in-order',
      newSource: false,
    });
    expect(r.ssrc).toBe(2);
    expect(r.receive(packet(30000, 2), expected, 80)).toEqual({
      kind: 'dropped',
      reason: 'sequence-jump',
    });
  });
});
