import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCore } from './core';
import { parseSipMessage } from './parser';

const load = (p: string) =>
  parseSipMessage(readFileSync(join(__dirname, '../../test-vectors/sip', p)));

describe('RFC 3261 and RFC 3665 examples', () => {
  it('§4 200 OK: three folded Via values with received', () => {
    const core = readCore(load('rfc3261/s4-200-ok.sip'));
    expect(core.vias.map((v) => [v.host, v.branch, v.received])).toEqual([
      ['server10.biloxi.com', 'z9hG4bKnashds8', '192.0.2.3'],
      ['bigbox3.site3.atlanta.com', 'z9hG4bK77ef4c2312983.1', '192.0.2.2'],
      ['pc33.atlanta.com', 'z9hG4bK776asdhds', '192.0.2.1'],
    ]);
    expect(core.to).toMatchObject({ displayName: 'Bob' });
    expect(core.toTag).toBe('a6c85cf');
  });

  it('§24.1 REGISTER and §24.2 ACK/BYE', () => {
    expect(readCore(load('rfc3261/s24-1-register.sip')).vias[0]).toMatchObject({
      host: 'bobspc.biloxi.com',
      port: 5060,
    });
    expect(readCore(load('rfc3261/s24-2-f11-ack.sip')).cseq).toEqual({
      seq: 314159,
      method: 'ACK',
    });
    expect(readCore(load('rfc3261/s24-2-f12-bye.sip')).cseq).toEqual({ seq: 231, method: 'BYE' });
  });

  it('RFC 3665 §3.1: TCP INVITE and 200 with SDP bodies and folded Via', () => {
    const invite = load('rfc3665/s3-1-f1-invite.sip');
    expect(readCore(invite).vias[0]).toMatchObject({
      transport: 'TCP',
      port: 5060,
      branch: 'z9hG4bK74bf9',
    });
    expect(invite.body.length).toBe(151);
    const ok = load('rfc3665/s3-1-f3-200.sip');
    expect(readCore(ok).vias[0]?.received).toBe('192.0.2.101');
    expect(ok.body.length).toBe(147);
  });
});
