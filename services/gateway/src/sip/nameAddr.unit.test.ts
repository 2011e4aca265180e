import { readContacts, contactExpires, contactQ } from './contact';
import { header } from './message';
import { formatNameAddr, parseNameAddr, tagOf } from './nameAddr';
import { SipParseError } from './sipParseError';

// Examples from RFC 3261 §20.10 (Contact), §20.20 (From) and §20.39 (To).
describe('parseNameAddr', () => {
  it('parses RFC 3261 §20.20 From examples', () => {
    const a = parseNameAddr('"A. G. Bell" <sip:agb@bell-telephone.com> ;tag=a48s');
    expect(a.displayName).toBe('A. G. Bell');
    expect(tagOf(a)).toBe('a48s');
    const b = parseNameAddr('sip:+12125551212@server.phone2net.com;tag=887s');
    expect(b.uri).toMatchObject({ user: '+12125551212', host: 'server.phone2net.com' });
    expect(tagOf(b)).toBe('887s');
    expect(parseNameAddr('Anonymous <sip:c8oqz84zk7z@privacy.org>;tag=hyh8').displayName).toBe(
      'Anonymous',
    );
  });

  it('parses RFC 3261 §20.39 To examples', () => {
    const to = parseNameAddr('The Operator <sip:operator@cs.columbia.edu>;tag=287447');
    expect([to.displayName, tagOf(to)]).toEqual(['The Operator', '287447']);
    expect(tagOf(parseNameAddr('sip:+12125551212@server.phone2net.com'))).toBeUndefined();
  });

  it('keeps URI parameters inside <> apart from header parameters', () => {
    const a = parseNameAddr('<sip:alice@atlanta.com;transport=tcp>;expires=60');
    expect(a.uri).toMatchObject({ params: new Map([['transport', 'tcp']]) });
    expect(a.params.get('expires')).toBe('60');
  });

  it('formats with quotes and escapes', () => {
    const a = parseNameAddr('"Say \\"hi\\"" <sip:a@b.com>;tag=1');
    expect(a.displayName).toBe('Say "hi"');
    expect(formatNameAddr(a)).toBe('"Say \\"hi\\"" <sip:a@b.com>;tag=1');
  });

  it.each([
    '"unterminated <sip:a@b.com>',
    '< sip:a@b.com>',
    'Bell, Alexander <sip:a@b.com>',
    'sip:a@b.com;;tag=1',
    'sip:a@b.com?x=y',
    '<sip:a@b.com>;tag=',
  ])('rejects %s', (text) => expect(() => parseNameAddr(text)).toThrow(SipParseError));
});

describe('readContacts', () => {
  it('parses the RFC 3261 §20.10 example list with q and expires', () => {
    const msg = {
      headers: [
        header(
          'Contact',
          '"Mr. Watson" <sip:watson@worcester.bell-telephone.com>;q=0.7; expires=3600, "Mr. Watson" <mailto:watson@bell-telephone.com> ;q=0.1',
        ),
        header('m', '<sips:bob@192.0.2.4>;expires=60'),
      ],
    };
    const list = readContacts(msg);
    if (list.wildcard) throw new Error('no wildcard expected');
    expect(list.contacts).toHaveLength(3);
    expect(list.contacts.map(contactQ)).toEqual([0.7, 0.1, undefined]);
    expect(list.contacts.map(contactExpires)).toEqual([3600, undefined, 60]);
    expect(list.contacts[1]?.uri).toMatchObject({ kind: 'absolute', scheme: 'mailto' });
  });

  it('accepts a lone * and rejects * mixed with addresses', () => {
    expect(readContacts({ headers: [header('Contact', '*')] })).toEqual({ wildcard: true });
    expect(() => readContacts({ headers: [header('Contact', '*, <sip:a@b.com>')] })).toThrow(
      SipParseError,
    );
  });
});
