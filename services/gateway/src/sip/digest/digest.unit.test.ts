import { readCore } from '../core';
import { getHeader, header } from '../message';
import type { SipRequest, SipResponse } from '../message';
import { createRequest } from '../request';
import { computeDigest, formatNonceCount } from './authorization';
import { type DigestChallenge, chooseDigestChallenge, parseDigestChallenge } from './challenge';
import { DigestError } from './digestError';
import { createAuthenticatedRequest } from './retry';

const challenge = (extra: Partial<DigestChallenge>): DigestChallenge => ({
  realm: 'testrealm@host.com',
  nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
  algorithm: 'MD5',
  qop: ['auth'],
  stale: false,
  params: new Map(),
  ...extra,
});

describe('digest responses', () => {
  it('matches the RFC 2617 §3.5 worked example (MD5, qop=auth)', () => {
    const answer = computeDigest({
      challenge: challenge({ opaque: '5ccc069c403ebaf9f0171e9517f40e41' }),
      username: 'Mufasa',
      password: 'Circle Of Life',
      method: 'GET',
      uri: '/dir/index.html',
      cnonce: '0a4f113b',
      nonceCount: 1,
    });
    expect(answer.response).toBe('6629fae49393a05397450978507c4ef1');
    expect(answer.value).toContain('qop=auth, nc=00000001, cnonce="0a4f113b"');
    expect(answer.value).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
  });

  it('matches the RFC 7616 §3.9.1 example for SHA-256 and MD5', () => {
    const base = {
      username: 'Mufasa',
      password: 'Circle of Life',
      method: 'GET',
      uri: '/dir/index.html',
      nonceCount: 1,
      cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
    };
    const c = {
      realm: 'http-auth@example.org',
      nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
    };
    expect(
      computeDigest({ ...base, challenge: challenge({ ...c, algorithm: 'SHA-256' }) }).response,
    ).toBe('753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
    expect(computeDigest({ ...base, challenge: challenge(c) }).response).toBe(
      '8ca523f5e9506fed4657c9700eebdbec',
    );
  });

  it('matches SIP vectors computed independently with Python hashlib (see test-vectors/README.md)', () => {
    const c = challenge({
      realm: 'atlanta.example.com',
      nonce: 'ea9c8e88df84f1cec4341ae6cbe5a359',
      algorithm: 'SHA-256',
    });
    const base = {
      username: 'alice',
      password: 'zanzibar',
      method: 'INVITE',
      uri: 'sip:bob@biloxi.example.com',
    };
    expect(
      computeDigest({ ...base, challenge: c, cnonce: '0a4f113b', nonceCount: 1 }).response,
    ).toBe('63a44b66cf38092c57a90554099fe5bf3000da3afe6935ff317cb53497d63b11');
    expect(
      computeDigest({ ...base, challenge: c, cnonce: '9b8c7d6e', nonceCount: 2 }).response,
    ).toBe('f161b9b72bb91392e4a9cdb045bdac148517af6af3cb8512fea95b0afd524b69');
    const legacy = computeDigest({
      ...base,
      challenge: { ...c, algorithm: 'MD5', qop: [] },
      cnonce: 'unused',
      nonceCount: 1,
    });
    expect(legacy.response).toBe('ad8e7a54f381583bcaa277d14e83159f');
    expect(legacy.value).not.toContain('qop=');
  });

  it('formats the nonce count as 8 hex digits', () => {
    expect(formatNonceCount(1)).toBe('00000001');
    expect(formatNonceCount(255)).toBe('000000ff');
  });
});

describe('challenges', () => {
  it('parses the RFC 3261 §20.44 WWW-Authenticate example', () => {
    const c = parseDigestChallenge(
      'Digest realm="atlanta.com", domain="sip:boxesbybob.com", qop="auth", nonce="f84f1cec41e6cbe5aea9c8e88d359", opaque="", stale=FALSE, algorithm=MD5',
    );
    expect(c).toMatchObject({
      realm: 'atlanta.com',
      nonce: 'f84f1cec41e6cbe5aea9c8e88d359',
      opaque: '',
      qop: ['auth'],
      stale: false,
      algorithm: 'MD5',
      domain: 'sip:boxesbybob.com',
    });
  });

  it('prefers SHA-256 over MD5 (RFC 8760 §2.4) and skips unusable challenges', () => {
    const picked = chooseDigestChallenge([
      'Digest realm="r", nonce="n1", algorithm=MD5, qop="auth"',
      'Basic realm="r"',
      'Digest realm="r", nonce="n2", algorithm=SHA-256, qop="auth"',
      'Digest realm="r", nonce="n3", algorithm=SHA3-999',
    ]);
    expect(picked).toMatchObject({ nonce: 'n2', algorithm: 'SHA-256' });
    expect(chooseDigestChallenge(['Basic realm="x"'])).toBeUndefined();
  });

  it.each([
    ['Basic realm="x"', 'unsupported-scheme'],
    ['Digest nonce="n"', 'malformed-challenge'],
    ['Digest realm="r", nonce="n", algorithm=SHA-1', 'unsupported-algorithm'],
    ['Digest realm="r, nonce="n"', 'malformed-challenge'],
  ])('rejects %s', (value, reason) => {
    expect(() => parseDigestChallenge(value)).toThrow(DigestError);
    try {
      parseDigestChallenge(value);
    } catch (e) {
      expect((e as DigestError).reason).toBe(reason);
    }
  });
});

describe('createAuthenticatedRequest', () => {
  const via = { transport: 'UDP', host: '192.0.2.10', hostType: 'ipv4', port: 5060 } as const;
  const invite: SipRequest = createRequest({
    method: 'INVITE',
    uri: 'sip:bob@biloxi.example.com',
    from: '<sip:alice@atlanta.example.com>;tag=9fxced76sl',
    to: '<sip:bob@biloxi.example.com>',
    callId: 'c1',
    cseq: 1,
    via,
    branch: 'z9hG4bKfirst',
  });
  const challengeResponse = (status: number, name: string): SipResponse => ({
    kind: 'response',
    status,
    reason: '',
    body: new Uint8Array(0),
    headers: [
      ...invite.headers,
      header(
        name,
        'Digest realm="atlanta.example.com", nonce="ea9c8e88df84f1cec4341ae6cbe5a359", qop="auth", algorithm=SHA-256',
      ),
    ],
  });

  it('answers 407 with Proxy-Authorization, CSeq + 1 and a new branch', () => {
    const retry = createAuthenticatedRequest(invite, challengeResponse(407, 'Proxy-Authenticate'), {
      credentials: { username: 'alice', password: 'zanzibar' },
      cnonce: '0a4f113b',
      via,
      branch: 'z9hG4bKsecond',
    });
    expect(readCore(retry).cseq).toEqual({ seq: 2, method: 'INVITE' });
    expect(readCore(retry).vias.map((v) => v.branch)).toEqual(['z9hG4bKsecond']);
    expect(getHeader(retry, 'Proxy-Authorization')).toContain(
      'response="63a44b66cf38092c57a90554099fe5bf3000da3afe6935ff317cb53497d63b11"',
    );
  });

  it('answers 401 with Authorization', () => {
    const retry = createAuthenticatedRequest(invite, challengeResponse(401, 'WWW-Authenticate'), {
      credentials: { username: 'alice', password: 'zanzibar' },
      cnonce: 'c',
      via,
      branch: 'z9hG4bKthird',
    });
    expect(getHeader(retry, 'Authorization')).toMatch(
      /^Digest username="alice", realm="atlanta.example.com"/,
    );
  });
});
