import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCore } from './core';
import {
  createAckFor2xx,
  createBye,
  dialogFromRequest,
  dialogFromResponse,
  dialogIdOfReceived,
} from './dialog';
import { getHeader } from './message';
import { hasSdpBody } from './mediaType';
import { parseSipMessage } from './parser';
import { createResponse } from './response';
import { serializeSipMessage } from './serializer';
import type { SipRequest, SipResponse } from './message';

const DIR = join(__dirname, '../../test-vectors/sip/baresip');
const load = (name: string) => parseSipMessage(readFileSync(join(DIR, name)));
const request = (name: string): SipRequest => {
  const m = load(name);
  if (m.kind !== 'request') throw new Error(`${name} is not a request`);
  return m;
};
const response = (name: string): SipResponse => {
  const m = load(name);
  if (m.kind !== 'response') throw new Error(`${name} is not a response`);
  return m;
};

describe('messages captured from baresip 1.0.0', () => {
  const invite = request('invite-with-sdp.sip');
  const ringing = response('180-ringing.sip');
  const ok = response('200-answering-with-sdp.sip');

  it('parses the INVITE with its SDP body', () => {
    const core = readCore(invite);
    expect(invite.method).toBe('INVITE');
    expect(core.vias[0]).toMatchObject({
      transport: 'UDP',
      host: '127.0.0.1',
      port: 5070,
      rport: true,
    });
    expect(core.contentLength).toBe(343);
    expect(invite.body.length).toBe(343);
    expect(Buffer.from(invite.body).toString()).toContain('a=rtpmap:101 telephone-event/8000');
    expect(getHeader(invite, 'Supported')).toBe('');
    expect(hasSdpBody(invite)).toBe(true);
    expect(hasSdpBody(request('ack.sip'))).toBe(false);
  });

  it('parses 180 and 200 with rport and received filled in', () => {
    expect(ringing.status).toBe(180);
    expect(readCore(ringing).vias[0]).toMatchObject({ rport: 5070, received: '127.0.0.1' });
    expect([ok.status, ok.reason]).toEqual([200, 'Answering']);
    expect(readCore(ok).toTag).toBe('2952902b360c28d9');
  });

  it.each([
    'ack.sip',
    'bye.sip',
    '200-ok-bye.sip',
    'options-from-sipsak.sip',
    '200-ok-options.sip',
  ])('parses %s', (f) => {
    expect(readCore(load(f)).callId).toBeTruthy();
  });

  it('serializes back to the same bytes (baresip writes Content-Length last)', () => {
    for (const f of ['180-ringing.sip', 'ack.sip', 'bye.sip']) {
      expect(serializeSipMessage(load(f)).toString()).toBe(readFileSync(join(DIR, f)).toString());
    }
  });

  it('createResponse builds the same 180 as baresip from its INVITE', () => {
    const ours = createResponse(invite, 180, { toTag: '2952902b360c28d9' });
    const theirs = readCore(ringing);
    const mine = readCore(ours);
    expect(mine.toTag).toBe(theirs.toTag);
    expect([mine.callId, mine.cseq, mine.fromTag]).toEqual([
      theirs.callId,
      theirs.cseq,
      theirs.fromTag,
    ]);
    expect(mine.vias[0]?.branch).toBe(theirs.vias[0]?.branch);
  });

  it('the caller dialog from the 200 builds an ACK and BYE like baresip', () => {
    const dialog = dialogFromResponse(invite, ok);
    expect(dialog.remoteTarget).toBe('sip:bob-0x564149b92fa0@127.0.0.1:5080');
    const via = { transport: 'UDP', host: '127.0.0.1', hostType: 'ipv4', port: 5070 } as const;
    const ack = createAckFor2xx(dialog, readCore(invite).cseq.seq, {
      via,
      branch: 'z9hG4bK6da73c14113f8aaa',
    });
    const real = request('ack.sip');
    expect(ack.uri).toBe(real.uri);
    expect(readCore(ack).cseq).toEqual(readCore(real).cseq);
    expect(dialogIdOfReceived(ok)).toEqual({
      callId: '435ce437d7836f58',
      localTag: '26c5f8ddce3aa017',
      remoteTag: '2952902b360c28d9',
    });
    const { request: bye, dialog: next } = createBye(dialog, {
      via,
      branch: 'z9hG4bKe42f8ba596887bfe',
    });
    expect(readCore(bye).cseq).toEqual(readCore(request('bye.sip')).cseq);
    expect(next.localSeq).toBe(23349);
  });

  it('the callee dialog matches the BYE it receives', () => {
    const dialog = dialogFromRequest(invite, '2952902b360c28d9', 1000);
    const bye = request('bye.sip');
    expect(dialogIdOfReceived(bye)).toEqual({
      callId: dialog.callId,
      localTag: dialog.localTag,
      remoteTag: dialog.remoteTag,
    });
    expect(dialog.remoteTarget).toBe('sip:alice-0x557e7b3d2fa0@127.0.0.1:5070');
  });
});
