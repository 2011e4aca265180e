import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readContacts } from './contact';
import { readCore } from './core';
import { getHeader, getHeaderValues } from './message';
import { parseSipMessage } from './parser';
import { SipParseError } from './sipParseError';
import { parseUri } from './uri';

const DIR = join(__dirname, '../../test-vectors/sip/rfc4475');
const load = (name: string): Buffer => readFileSync(join(DIR, name));
const names = (sub: string): string[] =>
  readdirSync(join(DIR, sub)).filter((f) => f.endsWith('.sip'));

function parseError(data: Buffer): SipParseError {
  try {
    parseSipMessage(data);
  } catch (e) {
    if (e instanceof SipParseError) return e;
    throw e;
  }
  throw new Error('expected a SipParseError');
}

describe('RFC 4475 valid messages', () => {
  it.each(names('valid'))('%s parses', (file) => {
    const msg = parseSipMessage(load(`valid/${file}`));
    expect(readCore(msg).vias.length).toBeGreaterThan(0);
  });

  it('wsinv: folding, compact forms, LWS, escaped quotes, leading zeros', () => {
    const msg = parseSipMessage(load('valid/wsinv.sip'));
    const core = readCore(msg);
    expect(msg.kind).toBe('request');
    expect(core.to.params.get('tag')).toBe('1918181833n');
    expect(core.from.displayName).toBe('J Rosenberg \\"');
    expect(core.fromTag).toBe('98asjd8');
    expect(core.maxForwards).toBe(68);
    expect(core.cseq).toEqual({ seq: 9, method: 'INVITE' });
    expect(core.vias.map((v) => [v.transport, v.host, v.branch])).toEqual([
      ['UDP', '192.0.2.2', '390skdjuw'],
      ['TCP', 'spindle.example.com', 'z9hG4bK9ikj8'],
      ['UDP', '192.168.255.111', 'z9hG4bK30239'],
    ]);
    expect(getHeader(msg, 'Subject')).toBe('');
    expect(getHeader(msg, 'NewFangledHeader')).toBe('newfangled value continued newfangled value');
    expect(getHeader(msg, 'UnknownHeaderWithUnusualValue')).toBe(';;,,;;,;');
    const contacts = readContacts(msg);
    expect(contacts.wildcard).toBe(false);
    if (contacts.wildcard) return;
    expect(contacts.contacts[0]?.displayName).toBe('Quoted string ""');
    expect([...(contacts.contacts[0]?.params ?? [])]).toEqual([
      ['newparam', 'newvalue'],
      ['secondparam', null],
      ['q', '0.33'],
    ]);
    expect(msg.body.length).toBe(150);
  });

  it('intmeth: unusual method, URI user/password, quoted NUL and UTF-8', () => {
    const msg = parseSipMessage(load('valid/intmeth.sip'));
    const core = readCore(msg);
    if (msg.kind !== 'request') throw new Error('request expected');
    expect(msg.method).toBe("!interesting-Method0123456789_*+`.%indeed'~");
    const uri = parseUri(msg.uri);
    expect(uri).toMatchObject({
      user: "1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*",
      host: 'example.com',
    });
    expect(uri).toMatchObject({ password: "&it+has=1,weird!*pas$wo~d_too.(doesn't-it)" });
    expect(core.to.displayName).toBe('BEL:\x07 NUL:\x00 DEL:\x7f');
    expect(core.from.displayName).toBe("token1~` token2'+_ token3*%!.-");
    expect(core.from.params.get("fromparam''~+*_!.-%")).toBe('"работающий"');
    expect(core.fromTag).toBe("_token~1'+`*%!-.");
    expect(core.callId).toBe('intmeth.word%ZK-!.*_+\'@word`~)(><:\\/"][?}{');
    expect(core.maxForwards).toBe(255);
    expect(getHeader(msg, "extensionHeader-!.%*+_`'~")).toBe('\ufeff大停電');
  });

  it('esc01/escnull: escapes are kept as written in URIs', () => {
    const esc = readCore(parseSipMessage(load('valid/esc01.sip')));
    expect(esc.from.uri).toMatchObject({ user: 'I%20have%20spaces' });
    const escnull = parseSipMessage(load('valid/escnull.sip'));
    const contacts = readContacts(escnull);
    expect(contacts.wildcard ? [] : contacts.contacts.map((c) => c.uri)).toMatchObject([
      { user: '%00' },
      { user: '%00%00' },
    ]);
  });

  it('esc02: % is not an escape in methods and header names', () => {
    const msg = parseSipMessage(load('valid/esc02.sip'));
    expect(msg.kind === 'request' && msg.method).toBe('RE%47IST%45R');
    expect(getHeaderValues(msg, 'Contact')).toHaveLength(2);
    expect(getHeader(msg, 'C%6Fntact')).toBe('<sip:alias2@host2.example.com>');
    expect(readCore(msg).from.displayName).toBe('%Z%45');
  });

  it('lwsdisp and longreq', () => {
    expect(readCore(parseSipMessage(load('valid/lwsdisp.sip'))).from.displayName).toBe('caller');
    const long = readCore(parseSipMessage(load('valid/longreq.sip')));
    expect(long.vias).toHaveLength(34);
    expect(long.vias[33]?.received).toBe('192.0.2.5');
    expect(long.to.uri).toMatchObject({ port: 6000 });
  });

  it('dblreq: octets after Content-Length in a datagram are ignored', () => {
    const msg = parseSipMessage(load('valid/dblreq.sip'));
    expect(msg.kind === 'request' && msg.method).toBe('REGISTER');
    expect(msg.body.length).toBe(0);
  });

  it('semiuri, transports, cparam01/02, unknown schemes', () => {
    const semi = parseSipMessage(load('valid/semiuri.sip'));
    expect(semi.kind === 'request' && parseUri(semi.uri)).toMatchObject({
      user: 'user;par=u%40example.net',
    });
    expect(getHeaderValues(semi, 'Accept')).toHaveLength(6);
    const transports = readCore(parseSipMessage(load('valid/transports.sip')));
    expect(transports.vias.map((v) => v.transport)).toEqual([
      'UDP',
      'SCTP',
      'TLS',
      'UNKNOWN',
      'TCP',
    ]);
    const c1 = readContacts(parseSipMessage(load('valid/cparam01.sip')));
    const c2 = readContacts(parseSipMessage(load('valid/cparam02.sip')));
    expect(c1.wildcard ? null : c1.contacts[0]?.params.has('unknownparam')).toBe(true);
    expect(c2.wildcard ? null : c2.contacts[0]?.uri).toMatchObject({
      params: new Map([['unknownparam', null]]),
    });
    const unksm2 = readCore(parseSipMessage(load('valid/unksm2.sip')));
    expect(unksm2.to.uri).toEqual({ kind: 'absolute', scheme: 'isbn', opaque: '2983792873' });
  });

  it('unreason and noreason responses', () => {
    const un = parseSipMessage(load('valid/unreason.sip'));
    expect(un.kind === 'response' && un.reason).toBe(
      '= 2**3 * 5**2 но сто девяносто девять - простое',
    );
    const no = parseSipMessage(load('valid/noreason.sip'));
    expect(no.kind === 'response' && [no.status, no.reason]).toEqual([100, '']);
  });
});

describe('RFC 4475 invalid messages', () => {
  const expected: Record<string, string> = {
    'badinv01.sip': 'header-value',
    'clerr.sip': 'body-truncated',
    'ncl.sip': 'content-length',
    'scalar02.sip': 'header-value',
    'scalarlg.sip': 'header-value',
    'quotbal.sip': 'header-value',
    'ltgtruri.sip': 'request-uri',
    'lwsruri.sip': 'start-line',
    'lwsstart.sip': 'start-line',
    'trws.sip': 'start-line',
    'escruri.sip': 'request-uri',
    'regbadct.sip': 'header-value',
    'badaspec.sip': 'header-value',
    'baddn.sip': 'header-value',
    'badvers.sip': 'unsupported-version',
    'mismatch01.sip': 'cseq-method-mismatch',
    'mismatch02.sip': 'cseq-method-mismatch',
    'bigcode.sip': 'status-code',
    'insuf.sip': 'missing-header',
    'mcl01.sip': 'duplicate-header',
    'multi01.sip': 'duplicate-header',
  };

  it('covers every invalid vector', () => {
    expect(names('invalid').sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s is rejected with %s', (file, reason) => {
    const error = parseError(load(`invalid/${file}`));
    expect(error.reason).toBe(reason);
  });

  it('badvers suggests 505 and keeps the partial request for the answer', () => {
    const error = parseError(load('invalid/badvers.sip'));
    expect(error.suggestedStatus).toBe(505);
    expect(error.partial && getHeader(error.partial, 'Call-ID')).toBe(
      'badvers.31417@c.example.com',
    );
  });

  it('a header error keeps the partial message so a 400 can be built', () => {
    const error = parseError(load('invalid/mismatch01.sip'));
    expect(error.suggestedStatus).toBe(400);
    expect(error.partial?.kind).toBe('request');
  });
});
