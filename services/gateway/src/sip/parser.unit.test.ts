import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readCore } from './core';
import { parseSipMessage } from './parser';
import { serializeSipMessage } from './serializer';
import { SipParseError } from './sipParseError';

const OPTIONS = [
  'OPTIONS sip:bob@127.0.0.1:5080 SIP/2.0',
  'Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKabc;rport',
  'Max-Forwards: 70',
  'From: <sip:alice@127.0.0.1>;tag=1',
  'To: <sip:bob@127.0.0.1>',
  'Call-ID: x1',
  'CSeq: 1 OPTIONS',
];
const text = (extra: string[], body = ''): string =>
  `${[...OPTIONS, ...extra].join('\r\n')}\r\n\r\n${body}`;

function reason(input: string | Uint8Array, framing?: 'stream'): string {
  try {
    parseSipMessage(input, framing ? { framing } : {});
  } catch (e) {
    if (e instanceof SipParseError) return e.reason;
    throw e;
  }
  return 'parsed';
}

describe('parseSipMessage framing', () => {
  it('takes the body from Content-Length and ignores extra datagram octets', () => {
    const msg = parseSipMessage(text(['Content-Length: 5'], 'hello, extra'));
    expect(Buffer.from(msg.body).toString()).toBe('hello');
  });

  it('rejects a body shorter than Content-Length', () => {
    expect(reason(text(['Content-Length: 50'], 'short'))).toBe('body-truncated');
  });

  it('without Content-Length: the rest of a datagram, an error on a stream', () => {
    expect(Buffer.from(parseSipMessage(text([], 'abc')).body).toString()).toBe('abc');
    expect(reason(text([], 'abc'), 'stream')).toBe('content-length');
  });

  it('skips leading CRLFs, tolerates bare LF, and reports keep-alive datagrams as empty', () => {
    expect(readCore(parseSipMessage(`\r\n\r\n${text(['l: 0'])}`)).callId).toBe('x1');
    expect(readCore(parseSipMessage(text(['l: 0']).replace(/\r\n/g, '\n'))).callId).toBe('x1');
    expect(reason('\r\n\r\n')).toBe('empty');
    expect(reason('OPTIONS sip:a@b SIP/2.0\r\nVia: x')).toBe('incomplete-head');
  });

  it('rejects non-numeric and signed Content-Length', () => {
    expect(reason(text(['Content-Length: five']))).toBe('content-length');
    expect(reason(text(['Content-Length: +5'], 'hello'))).toBe('content-length');
  });

  it('rejects a continuation line before any header and a header without colon', () => {
    expect(reason(`OPTIONS sip:a@b.com SIP/2.0\r\n folded\r\n\r\n`)).toBe('header-syntax');
    expect(reason(text(['NoColonHere']))).toBe('header-syntax');
  });

  it('rejects messages over maxBytes', () => {
    expect(() => parseSipMessage(text(['l: 0']), { maxBytes: 10 })).toThrow(SipParseError);
  });

  it('round-trips every valid test vector through the serializer', () => {
    const dirs = ['rfc4475/valid', 'rfc3261', 'rfc3665', 'baresip'].map((d) =>
      join(__dirname, '../../test-vectors/sip', d),
    );
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.sip'))) {
        const first = parseSipMessage(readFileSync(join(dir, f)));
        const again = parseSipMessage(serializeSipMessage(first), { framing: 'stream' });
        expect(readCore(again)).toEqual(readCore(first));
        expect(Buffer.from(again.body)).toEqual(Buffer.from(first.body));
      }
    }
  });

  it('throws only SipParseError on mutated input (deterministic fuzz)', () => {
    const dir = join(__dirname, '../../test-vectors/sip/rfc4475/valid');
    const seeds = readdirSync(dir).map((f) => readFileSync(join(dir, f)));
    let state = 12345;
    const rand = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const alphabet = Buffer.from(':;,<>"\\ \t\r\n@%=/[]0?');
    for (let i = 0; i < 3000; i++) {
      const seed = seeds[rand(seeds.length)] ?? Buffer.alloc(0);
      const copy = Buffer.from(seed);
      for (let k = 0; k < 1 + rand(4); k++)
        copy[rand(copy.length)] = alphabet[rand(alphabet.length)] ?? 0;
      const cut = rand(4) === 0 ? copy.subarray(0, rand(copy.length)) : copy;
      try {
        parseSipMessage(cut);
      } catch (e) {
        expect(e).toBeInstanceOf(SipParseError);
      }
    }
  });
});
