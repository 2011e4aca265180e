import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCore } from './core';
import { type FramerEvent, SipStreamFramer } from './streamFramer';

const DIR = join(__dirname, '../../test-vectors/sip');
const invite = readFileSync(join(DIR, 'rfc3665/s3-1-f1-invite.sip'));
const ok = readFileSync(join(DIR, 'rfc3665/s3-1-f3-200.sip'));

function kinds(events: FramerEvent[]): string[] {
  return events.map((e) => (e.type === 'keepalive' ? `keepalive:${e.kind}` : e.type));
}

describe('SipStreamFramer', () => {
  it('splits back-to-back messages and keep-alives from one chunk', () => {
    const framer = new SipStreamFramer();
    const events = framer.push(
      Buffer.concat([invite, Buffer.from('\r\n\r\n'), ok, Buffer.from('\r\n')]),
    );
    expect(kinds(events)).toEqual(['message', 'keepalive:ping', 'message']);
    expect(framer.pendingBytes).toBe(2);
    expect(kinds(framer.push(Buffer.from('INVITE')))).toEqual(['keepalive:pong']);
  });

  it('reassembles a message fed one byte at a time', () => {
    const framer = new SipStreamFramer();
    const events: FramerEvent[] = [];
    for (const byte of Buffer.concat([invite, ok]))
      events.push(...framer.push(Uint8Array.of(byte)));
    expect(kinds(events)).toEqual(['message', 'message']);
    const first = events[0];
    expect(first?.type === 'message' && readCore(first.message).cseq.method).toBe('INVITE');
    expect(framer.pendingBytes).toBe(0);
  });

  it('reports a well-framed but malformed message and keeps going', () => {
    const bad = Buffer.from(invite.toString().replace('CSeq: 1 INVITE', 'CSeq: 1 BYE'));
    expect(kinds(new SipStreamFramer().push(Buffer.concat([bad, ok])))).toEqual([
      'invalid',
      'message',
    ]);
  });

  it('is fatal without Content-Length, on a negative one, or when the head is too large', () => {
    const noLength = Buffer.from(invite.toString().replace(/Content-Length: 151\r\n/, ''));
    expect(kinds(new SipStreamFramer().push(noLength))).toEqual(['fatal']);
    const negative = Buffer.from(
      invite.toString().replace('Content-Length: 151', 'Content-Length: -1'),
    );
    const framer = new SipStreamFramer();
    expect(kinds(framer.push(negative))).toEqual(['fatal']);
    expect(framer.push(ok)).toEqual([]);
    expect(kinds(new SipStreamFramer({ maxHeadBytes: 100 }).push(invite))).toEqual(['fatal']);
    expect(kinds(new SipStreamFramer({ maxBodyBytes: 100 }).push(invite))).toEqual(['fatal']);
  });
});
