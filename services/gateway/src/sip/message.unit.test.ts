import { canonicalHeaderName } from './headerNames';
import {
  getHeader,
  getHeaderValues,
  hasHeader,
  header,
  withHeader,
  withoutHeader,
} from './message';
import { parseMediaType } from './mediaType';
import { SipParseError } from './sipParseError';

describe('headers', () => {
  const msg = {
    headers: [
      header(
        'v',
        'SIP/2.0/UDP a.example.com;branch=z9hG4bK1, SIP/2.0/TCP b.example.com;branch=z9hG4bK2',
      ),
      header('VIA', 'SIP/2.0/UDP c.example.com;branch=z9hG4bK3'),
      header('i', 'abc@host'),
      header('Date', 'Sat, 13 Nov 2010 23:29:00 GMT'),
      header('Allow', 'INVITE, ACK,BYE'),
    ],
  };

  it('maps compact forms to canonical names', () => {
    expect(['v', 'f', 't', 'i', 'm', 'l', 'c', 'k', 's', 'e'].map(canonicalHeaderName)).toEqual([
      'Via',
      'From',
      'To',
      'Call-ID',
      'Contact',
      'Content-Length',
      'Content-Type',
      'Supported',
      'Subject',
      'Content-Encoding',
    ]);
    expect(canonicalHeaderName('cseq')).toBe('CSeq');
    expect(canonicalHeaderName('X-Custom')).toBe('X-Custom');
  });

  it('looks headers up case-insensitively, compact or long', () => {
    expect(getHeader(msg, 'call-id')).toBe('abc@host');
    expect(getHeader(msg, 'I')).toBe('abc@host');
    expect(hasHeader(msg, 'CSeq')).toBe(false);
  });

  it('splits list headers across repeated lines but not other headers', () => {
    expect(getHeaderValues(msg, 'Via')).toEqual([
      'SIP/2.0/UDP a.example.com;branch=z9hG4bK1',
      'SIP/2.0/TCP b.example.com;branch=z9hG4bK2',
      'SIP/2.0/UDP c.example.com;branch=z9hG4bK3',
    ]);
    expect(getHeaderValues(msg, 'Date')).toEqual(['Sat, 13 Nov 2010 23:29:00 GMT']);
    expect(getHeaderValues(msg, 'Allow')).toEqual(['INVITE', 'ACK', 'BYE']);
  });

  it('rejects empty list elements', () => {
    expect(() =>
      getHeaderValues({ headers: [header('Via', 'SIP/2.0/UDP a.com,,')] }, 'Via'),
    ).toThrow(SipParseError);
  });

  it('replaces and removes headers immutably', () => {
    const replaced = withHeader(msg.headers, 'Call-ID', 'new@host');
    expect(getHeader({ headers: replaced }, 'Call-ID')).toBe('new@host');
    expect(replaced.findIndex((h) => h.name === 'Call-ID')).toBe(2);
    expect(getHeader(msg, 'Call-ID')).toBe('abc@host');
    expect(withoutHeader(msg.headers, 'via')).toHaveLength(3);
  });
});

describe('media types', () => {
  it('parses Content-Type', () => {
    expect(parseMediaType('Application/SDP')).toMatchObject({
      type: 'application',
      subtype: 'sdp',
    });
    expect(parseMediaType('multipart/mixed;boundary=7a9cbec02ceef655').params.get('boundary')).toBe(
      '7a9cbec02ceef655',
    );
    expect(() => parseMediaType('text')).toThrow(SipParseError);
  });
});
