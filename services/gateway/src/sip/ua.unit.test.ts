import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCore } from './core';
import { acceptRemoteCSeq, createInDialogRequest, dialogFromResponse, dialogKey } from './dialog';
import { generateBranch, generateCallId, generateTag, initialCSeq } from './ids';
import { type SipRequest, type SipResponse, getHeader, getHeaderValues, header } from './message';
import { parseSipMessage } from './parser';
import { createCancel, createNon2xxAck, createRequest } from './request';
import { createResponse } from './response';
import { isRfc3261Branch } from './via';

const load = (p: string) =>
  parseSipMessage(readFileSync(join(__dirname, '../../test-vectors/sip', p)));
const invite = load('rfc3665/s3-1-f1-invite.sip') as SipRequest;
const via = {
  transport: 'TCP',
  host: 'client.atlanta.example.com',
  hostType: 'domain',
  port: 5060,
} as const;

describe('createResponse (RFC 3261 §8.2.6)', () => {
  it('copies Via, From, Call-ID, CSeq and tags To, matching RFC 3665 F2', () => {
    const ringing = createResponse(invite, 180, { toTag: '8321234356' });
    const expected = readCore(load('rfc3665/s3-1-f2-180.sip'));
    const got = readCore(ringing);
    expect(ringing.reason).toBe('Ringing');
    expect([got.callId, got.cseq, got.fromTag, got.toTag]).toEqual([
      expected.callId,
      expected.cseq,
      expected.fromTag,
      expected.toTag,
    ]);
    expect(got.vias[0]?.branch).toBe('z9hG4bK74bf9');
  });

  it('keeps an existing To tag, skips the tag on 100, copies Timestamp into 100', () => {
    const withTs = { ...invite, headers: [...invite.headers, header('Timestamp', '54')] };
    const trying = createResponse(withTs, 100, { toTag: 'x' });
    expect(readCore(trying).toTag).toBeUndefined();
    expect(getHeader(trying, 'Timestamp')).toBe('54');
    const bye = load('rfc3665/s3-1-f5-bye.sip') as SipRequest;
    expect(readCore(createResponse(bye, 200, { toTag: 'other' })).toTag).toBe('9fxced76sl');
  });

  it('copies Record-Route into 2xx for INVITE only', () => {
    const rr = {
      ...invite,
      headers: [...invite.headers, header('Record-Route', '<sip:p1.example.com;lr>')],
    };
    expect(getHeaderValues(createResponse(rr, 200, { toTag: 't' }), 'Record-Route')).toEqual([
      '<sip:p1.example.com;lr>',
    ]);
    expect(getHeaderValues(createResponse(rr, 486, { toTag: 't' }), 'Record-Route')).toEqual([]);
  });
});

describe('CANCEL and non-2xx ACK', () => {
  it('CANCEL keeps the INVITE branch, Request-URI and CSeq number (§9.1)', () => {
    const cancel = createCancel(invite);
    const core = readCore(cancel);
    expect(cancel.uri).toBe(invite.uri);
    expect(core.cseq).toEqual({ seq: 1, method: 'CANCEL' });
    expect(core.vias).toHaveLength(1);
    expect(core.vias[0]?.branch).toBe('z9hG4bK74bf9');
    expect(core.toTag).toBeUndefined();
  });

  it('ACK for 486 reuses the branch and takes To from the response (§17.1.1.3)', () => {
    const busy = createResponse(invite, 486, { toTag: 'busy1' });
    const ack = createNon2xxAck(invite, busy);
    expect(readCore(ack)).toMatchObject({ cseq: { seq: 1, method: 'ACK' }, toTag: 'busy1' });
    expect(readCore(ack).vias[0]?.branch).toBe('z9hG4bK74bf9');
    expect(() => createNon2xxAck(invite, createResponse(invite, 200, { toTag: 'x' }))).toThrow(
      RangeError,
    );
  });
});

describe('dialogs', () => {
  const ok = load('rfc3665/s3-1-f3-200.sip') as SipResponse;
  const withRoutes = {
    ...ok,
    headers: [
      ...ok.headers,
      header('Record-Route', '<sip:p2.example.com;lr>, <sip:p1.example.com;lr>'),
    ],
  };

  it('builds the UAC dialog and in-dialog requests through the reversed route set (§12.1.2)', () => {
    const dialog = dialogFromResponse(invite, withRoutes);
    expect(dialog.routeSet).toEqual(['<sip:p1.example.com;lr>', '<sip:p2.example.com;lr>']);
    const { request, dialog: next } = createInDialogRequest(dialog, 'INFO', {
      via,
      branch: 'z9hG4bKinfo',
    });
    expect(request.uri).toBe('sip:bob@client.biloxi.example.com;transport=tcp');
    expect(getHeaderValues(request, 'Route')).toEqual(dialog.routeSet);
    expect(readCore(request).cseq).toEqual({ seq: 2, method: 'INFO' });
    expect(next.localSeq).toBe(2);
    expect(dialogKey(dialog)).toBe(`${dialog.callId}\n9fxced76sl\n8321234356`);
  });

  it('uses strict routing when the first route lacks lr', () => {
    const strict = {
      ...ok,
      headers: [...ok.headers, header('Record-Route', '<sip:p1.example.com>')],
    };
    const { request } = createInDialogRequest(dialogFromResponse(invite, strict), 'BYE', {
      via,
      branch: 'z9hG4bKb',
    });
    expect(request.uri).toBe('sip:p1.example.com');
    expect(getHeaderValues(request, 'Route')).toEqual([
      '<sip:bob@client.biloxi.example.com;transport=tcp>',
    ]);
  });

  it('rejects an out-of-order remote CSeq with 500 (§12.2.2)', () => {
    const dialog = { ...dialogFromResponse(invite, ok), remoteSeq: 5 };
    const bye = (seq: number): SipRequest =>
      createRequest({
        method: 'BYE',
        uri: 'sip:a@b.com',
        from: '<sip:b@b.com>;tag=8321234356',
        to: '<sip:a@a.com>;tag=9fxced76sl',
        callId: dialog.callId,
        cseq: seq,
        via,
        branch: 'z9hG4bKx',
      });
    expect(acceptRemoteCSeq(dialog, bye(4))).toEqual({ ok: false, status: 500 });
    const accepted = acceptRemoteCSeq(dialog, bye(6));
    expect(accepted.ok && accepted.dialog.remoteSeq).toBe(6);
  });
});

describe('identifiers', () => {
  it('generates RFC 3261 branches, tags and Call-IDs from the random source', () => {
    const fixed = (n: number): Uint8Array => new Uint8Array(n).fill(0xab);
    expect(generateBranch(fixed)).toBe('z9hG4bKabababababababab');
    expect(isRfc3261Branch(generateBranch())).toBe(true);
    expect(generateTag(fixed)).toBe('abababababababab');
    expect(generateCallId('gw.example.com', fixed)).toBe(`${'ab'.repeat(16)}@gw.example.com`);
    expect(initialCSeq(fixed)).toBeLessThan(2 ** 31);
    expect(new Set(Array.from({ length: 100 }, () => generateTag())).size).toBe(100);
  });

  it('createRequest makes a valid request with rport in Via', () => {
    const req = createRequest({
      method: 'OPTIONS',
      uri: 'sip:bob@127.0.0.1:5080',
      from: '<sip:gw@127.0.0.1>;tag=1',
      to: '<sip:bob@127.0.0.1>',
      callId: generateCallId(),
      cseq: 1,
      via: { transport: 'UDP', host: '127.0.0.1', hostType: 'ipv4', port: 5060 },
      branch: generateBranch(),
    });
    expect(readCore(req).vias[0]).toMatchObject({ rport: true, port: 5060 });
    expect(readCore(req).maxForwards).toBe(70);
  });
});
