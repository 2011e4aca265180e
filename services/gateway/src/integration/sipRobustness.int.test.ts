import { createSocket, type Socket } from 'node:dgram';
import { connect } from 'node:net';
import { encodeMulaw, pcmFromBytes, sine } from '@warmline/audio';
import { type ActiveCall, TerminationReason, events } from '@warmline/sdk';
import { toneReport, waitFor } from '@warmline/testing';
import { getHeader, parseSdp, parseSipMessage, readCore, serializeSipMessage } from '../sip';
import { serializeRtpPacket } from '../rtp/rtpPacket';
import { type SipRig, startSipRig } from '../testSupport/sipRig';
import { SipProbe, sdpOffer } from '../testSupport/sipProbe';

jest.setTimeout(60_000);

let rig: SipRig;
let probe: SipProbe;

beforeAll(async () => {
  rig = await startSipRig({
    routes: [{ user: 'agent', connectorId: 'connector-sip', transferDestinations: [] }],
    calleeDestinations: {},
  });
});

beforeEach(async () => {
  probe = await SipProbe.open(rig.sipPort);
});

afterEach(() => probe?.close());

afterAll(async () => {
  await rig?.stop();
});

const nextCall = (count: number): Promise<ActiveCall> =>
  waitFor(() => rig.calls[count], {
    timeoutMs: 15_000,
    describe: () => 'a call delivered to the SDK',
  });

const udp = async (): Promise<Socket> => {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  return socket;
};

const sdpText = (body: Uint8Array): string => Buffer.from(body).toString('utf8');

describe('SIP robustness (RFC 3261 behaviour, nothing crashes)', () => {
  it('answers OPTIONS with 200 and Allow over UDP and TCP', async () => {
    const options = probe.request('OPTIONS', 'agent');
    probe.send(options);
    const ok = await probe.response(options, (s) => s === 200);
    expect(getHeader(ok, 'Allow')).toContain('INVITE');
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: rig.sipPort }, () => {
        const fresh = probe.request('OPTIONS', 'agent'); // a new transaction (new branch)
        const request = {
          ...fresh,
          headers: fresh.headers.map((h) =>
            h.name === 'Via' ? { ...h, value: h.value.replace('UDP', 'TCP') } : h,
          ),
        };
        socket.write(serializeSipMessage(request));
      });
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
        if (text.includes('\r\n\r\n')) {
          socket.destroy();
          resolve(text);
        }
      });
      socket.on('error', reject);
    });
    expect(reply.startsWith('SIP/2.0 200')).toBe(true);
  });

  it('answers a malformed request 400, drops garbage, and keeps serving', async () => {
    const bad = serializeSipMessage(probe.request('OPTIONS', 'agent', { callId: 'bad-cseq' }))
      .toString()
      .replace(/CSeq: 1 OPTIONS/, 'CSeq: one OPTIONS');
    probe.sendRaw(bad);
    probe.sendRaw('this is not SIP at all\r\n\r\n');
    probe.sendRaw(Buffer.from([0xff, 0x00, 0x13, 0x37]));
    const badRequest = await waitFor(() =>
      probe.received.find((m) => m.kind === 'response' && m.status === 400),
    );
    expect(badRequest.kind === 'response' && badRequest.reason).toContain('Bad Request');
    const options = probe.request('OPTIONS', 'agent');
    probe.send(options);
    await probe.response(options, (s) => s === 200);
    expect(probe.received.filter((m) => m.kind === 'response' && m.status === 400)).toHaveLength(1);
  });

  it('refuses an INVITE with no common codec (488) and one for an unknown user (404)', async () => {
    const g729 = probe.request('INVITE', 'agent', { body: sdpOffer(40000, [[18, 'G729']]) });
    probe.send(g729);
    await probe.response(g729, (s) => s === 488);
    const unknown = probe.request('INVITE', 'nobody', { body: sdpOffer(40000, [[0, 'PCMU']]) });
    probe.send(unknown);
    await probe.response(unknown, (s) => s === 404);
    expect(rig.app.stats.sipCalls).toBe(0);
  });

  it('CANCEL before answer: 200 for the CANCEL, 487 for the INVITE, the call ends as caller hung up', async () => {
    const before = rig.calls.length;
    const invite = probe.request('INVITE', 'agent', { body: sdpOffer(40000, [[0, 'PCMU']]) });
    probe.send(invite);
    await probe.response(invite, (s) => s === 180);
    const call = await nextCall(before);
    const terminated = new Promise<string>((resolve) =>
      call.on(events.CALL_TERMINATED, (_c, d) => resolve(d.reason)),
    );
    const cancel = {
      ...invite,
      method: 'CANCEL',
      headers: invite.headers.map((h) => (h.name === 'CSeq' ? { ...h, value: '1 CANCEL' } : h)),
      body: new Uint8Array(0),
    };
    probe.send({
      ...cancel,
      headers: cancel.headers.filter((h) => h.name !== 'Content-Type' && h.name !== 'Contact'),
    });
    await probe.response(cancel, (s) => s === 200);
    await probe.response(invite, (s) => s === 487);
    expect(await terminated).toBe(TerminationReason.CALLER_HUNG_UP);
  });

  it('re-INVITE: hold is answered, an unacceptable offer gets 488 and the call stays; RTP from another address is ignored', async () => {
    const before = rig.calls.length;
    const media = await udp();
    const intruder = await udp();
    try {
      const callId = `reinvite-${Date.now()}@127.0.0.1`;
      const fromTag = 'probe-tag';
      const invite = probe.request('INVITE', 'agent', {
        callId,
        fromTag,
        body: sdpOffer(media.address().port, [[0, 'PCMU']]),
      });
      probe.send(invite);
      const call = await nextCall(before);
      const heard: Int16Array[] = [];
      const reading = (async () => {
        for await (const chunk of call.audioStream()) heard.push(pcmFromBytes(chunk));
      })();
      await call.answer();
      const ok = await probe.response(invite, (s) => s === 200);
      const toTag = readCore(ok).toTag ?? '';
      const answer = parseSdp(ok.body);
      const rtpPort = answer.media[0]?.port ?? 0;
      expect(sdpText(ok.body)).toContain('PCMU/8000');
      probe.send(probe.request('ACK', 'agent', { callId, fromTag, toTag, cseq: 1 }));

      // RTP: 1 s of 1000 Hz from an address that was not negotiated, then 1 s of 600 Hz from the right one
      const rtp = (socket: Socket, hz: number, ssrc: number) => {
        const tone = sine({ rate: 8000, hz, durationMs: 1000, amplitude: 0.4 });
        for (let i = 0; i < 50; i++) {
          const packet = serializeRtpPacket({
            marker: i === 0,
            payloadType: 0,
            sequenceNumber: i,
            timestamp: i * 160,
            ssrc,
            csrcs: [],
            payload: encodeMulaw(tone.subarray(i * 160, (i + 1) * 160)),
            paddingLength: 0,
          });
          setTimeout(() => socket.send(packet, rtpPort, '127.0.0.1'), i * 20);
        }
        return new Promise((resolve) => setTimeout(resolve, 1_100));
      };
      const dropped = rig.app.stats.rtpUnexpectedSource;
      await rtp(intruder, 1000, 1111);
      // every intruding packet is counted (and none reached the agent: checked below)
      await waitFor(() => (rig.app.stats.rtpUnexpectedSource - dropped === 50 ? true : undefined));
      await rtp(media, 600, 2222);

      const hold = probe.request('INVITE', 'agent', {
        callId,
        fromTag,
        toTag,
        cseq: 2,
        body: sdpOffer(media.address().port, [[0, 'PCMU']], 'sendonly', 2),
      });
      probe.send(hold);
      const held = await probe.response(hold, (s) => s === 200);
      expect(sdpText(held.body)).toContain('a=recvonly');
      probe.send(probe.request('ACK', 'agent', { callId, fromTag, toTag, cseq: 2 }));

      const g729 = probe.request('INVITE', 'agent', {
        callId,
        fromTag,
        toTag,
        cseq: 3,
        body: sdpOffer(media.address().port, [[18, 'G729']], 'sendrecv', 3),
      });
      probe.send(g729);
      await probe.response(g729, (s) => s === 488);

      const terminated = new Promise<string>((resolve) =>
        call.on(events.CALL_TERMINATED, (_c, d) => resolve(d.reason)),
      );
      const bye = probe.request('BYE', 'agent', { callId, fromTag, toTag, cseq: 4 });
      probe.send(bye);
      await probe.response(bye, (s) => s === 200);
      expect(await terminated).toBe(TerminationReason.CALLER_HUNG_UP);
      await reading;

      const agentHeard = Int16Array.from(heard.flatMap((c) => [...c]));
      expect(toneReport(agentHeard, 16000, 1000).presentFraction).toBe(0);
      expect(toneReport(agentHeard, 16000, 600).presentFraction).toBeGreaterThan(0);
      // after the BYE the dialog is gone: a second BYE gets 481
      const again = probe.request('BYE', 'agent', { callId, fromTag, toTag, cseq: 5 });
      probe.send(again);
      await probe.response(again, (s) => s === 481);
    } finally {
      media.close();
      intruder.close();
    }
  });
});

// keep the parser import used for the TCP reply check in type position
void parseSipMessage;
