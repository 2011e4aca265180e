import { SipParseError } from './sipParseError';
import { formatUri, parseSipUri, parseUri } from './uri';

describe('parseUri', () => {
  it('parses user, password, host, port, params and headers', () => {
    const uri = parseSipUri(
      'sip:alice:secret@atlanta.com:5061;transport=tcp;lr?subject=project%20x&priority=urgent',
    );
    expect(uri).toMatchObject({
      scheme: 'sip',
      user: 'alice',
      password: 'secret',
      host: 'atlanta.com',
      hostType: 'domain',
      port: 5061,
    });
    expect([...uri.params]).toEqual([
      ['transport', 'tcp'],
      ['lr', null],
    ]);
    expect([...uri.headers]).toEqual([
      ['subject', 'project%20x'],
      ['priority', 'urgent'],
    ]);
  });

  it('parses IPv4 and bracketed IPv6 hosts (RFC 5118 style)', () => {
    expect(parseSipUri('sips:bob@192.0.2.4')).toMatchObject({
      scheme: 'sips',
      host: '192.0.2.4',
      hostType: 'ipv4',
    });
    expect(parseSipUri('sip:[2001:db8::10]:5070')).toMatchObject({
      host: '2001:db8::10',
      hostType: 'ipv6',
      port: 5070,
    });
    expect(parseSipUri('sip:user@[2001:db8::10]')).toMatchObject({
      user: 'user',
      host: '2001:db8::10',
    });
    expect(parseSipUri('sip:user@[2001:db8::10]').port).toBeUndefined();
    expect(formatUri(parseUri('sip:[2001:db8::10]:5070;maddr=[2001:db8::1]'))).toBe(
      'sip:[2001:db8::10]:5070;maddr=[2001:db8::1]',
    );
  });

  it('parses tel URIs (RFC 3966) and keeps other schemes opaque', () => {
    expect(parseUri('tel:+1-201-555-0123;ext=1234')).toMatchObject({
      kind: 'tel',
      number: '+1-201-555-0123',
    });
    expect(parseUri('tel:7042;phone-context=example.com')).toMatchObject({
      kind: 'tel',
      number: '7042',
    });
    expect(parseUri('mailto:watson@bell-telephone.com')).toEqual({
      kind: 'absolute',
      scheme: 'mailto',
      opaque: 'watson@bell-telephone.com',
    });
  });

  it('lowercases the scheme and parameter names', () => {
    expect(parseSipUri('SIP:Alice@Atlanta.COM;Transport=UDP')).toMatchObject({
      scheme: 'sip',
      user: 'Alice',
      host: 'Atlanta.COM',
    });
    expect(parseSipUri('sip:a@b.com;Transport=UDP').params.get('transport')).toBe('UDP');
  });

  it.each([
    ['no scheme', 'alice@atlanta.com'],
    ['angle brackets', '<sip:alice@atlanta.com>'],
    ['space', 'sip:alice @atlanta.com'],
    ['empty host', 'sip:alice@'],
    ['bad port', 'sip:alice@atlanta.com:99999'],
    ['unbracketed IPv6', 'sip:2001:db8::1'],
    ['bad escape', 'sip:al%zzice@atlanta.com'],
    ['empty param', 'sip:alice@atlanta.com;;lr'],
    ['bad header', 'sip:alice@atlanta.com?subject'],
    ['bad tel number', 'tel:call-me'],
    ['bad IPv4-looking host', 'sip:alice@1.2.3'],
  ])('rejects %s with SipParseError', (_why, text) => {
    expect(() => parseUri(text)).toThrow(SipParseError);
  });

  it('round-trips through formatUri', () => {
    for (const text of [
      'sip:alice@atlanta.com',
      'sips:bob:pw@biloxi.com:5061;transport=tls',
      'sip:%61lice@a.com?x=y',
      'tel:+15551234;ext=9',
    ]) {
      expect(formatUri(parseUri(text))).toBe(text);
    }
  });
});
