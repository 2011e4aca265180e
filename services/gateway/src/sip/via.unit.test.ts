import { SipParseError } from './sipParseError';
import { formatVia, isRfc3261Branch, parseVia } from './via';

describe('parseVia (RFC 3261 §20.42, RFC 3581)', () => {
  it('parses RFC 3261 examples with received and LWS before parameters', () => {
    expect(
      parseVia('SIP/2.0/UDP erlang.bell-telephone.com:5060;branch=z9hG4bK87asdks7'),
    ).toMatchObject({
      protocol: 'SIP/2.0',
      transport: 'UDP',
      host: 'erlang.bell-telephone.com',
      port: 5060,
      branch: 'z9hG4bK87asdks7',
    });
    expect(
      parseVia('SIP/2.0/UDP 192.0.2.1:5060 ;received=192.0.2.207 ;branch=z9hG4bK77asjd'),
    ).toMatchObject({
      host: '192.0.2.1',
      received: '192.0.2.207',
      branch: 'z9hG4bK77asjd',
    });
  });

  it('parses rport with and without value and IPv6 sent-by and received', () => {
    expect(parseVia('SIP/2.0/UDP 10.0.0.1:5060;rport;branch=z9hG4bKx').rport).toBe(true);
    expect(
      parseVia('SIP/2.0/UDP 10.0.0.1;rport=49152;received=192.0.2.9;branch=z9hG4bKx').rport,
    ).toBe(49152);
    expect(
      parseVia('SIP/2.0/TCP [2001:db8::9:1]:5061;branch=z9hG4bKas3-111;received=2001:db8::9:255'),
    ).toMatchObject({
      host: '2001:db8::9:1',
      hostType: 'ipv6',
      port: 5061,
      received: '2001:db8::9:255',
    });
  });

  it.each([
    'SIP/2.0 10.0.0.1',
    'SIP/2.0/UDP',
    'SIP/2.0/UDP 10.0.0.1 extra',
    'HTTP/1.1/TCP 10.0.0.1',
    'SIP/2.0/UDP 10.0.0.1;rport=99999',
    'SIP/2.0/UDP 10.0.0.1;branch',
    'SIP/2.0/UDP 10.0.0.1;;branch=z9hG4bKx',
  ])('rejects %s', (text) => {
    expect(() => parseVia(text)).toThrow(SipParseError);
  });

  it('formats a Via and recognises RFC 3261 branches', () => {
    expect(
      formatVia({
        transport: 'UDP',
        host: '2001:db8::1',
        hostType: 'ipv6',
        port: 5060,
        branch: 'z9hG4bK1',
        rport: true,
      }),
    ).toBe('SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bK1;rport');
    expect([
      isRfc3261Branch('z9hG4bK'),
      isRfc3261Branch('z9hG4bKa'),
      isRfc3261Branch('390skdjuw'),
    ]).toEqual([false, true, false]);
  });
});
