import { randomUUID } from 'node:crypto';
import { type Socket, createSocket } from 'node:dgram';
import { encodeMulaw, sine } from '@warmline/audio';
import type { Bus } from '@warmline/bus';
import { Reservoir, waitFor } from '@warmline/testing';
import { serializeRtpPacket } from '../rtp/rtpPacket';
import {
  type SipMessage,
  createRequest,
  createResponse,
  generateBranch,
  generateCallId,
  generateTag,
  header,
  parseSdp,
  parseSipMessage,
  readCore,
  serializeSipMessage,
} from '../sip';
import type { FakeCallControl } from '../testSupport/fakeCallControl';
import { sdpOffer } from '../testSupport/sipProbe';
import { AGENT_FRAMES_AHEAD, AgentAudio, type AgentLeg, startPhasedLoad } from './phasedLoad';

interface Call extends AgentLeg {
  readonly sipCallId: string;
  readonly fromTag: string;
  readonly rtp: Socket;
  toTag: string;
  remoteRtpPort: number;
  callId: string;
  seq: number;
  ts: number;
  lastArrival?: number;
  cseq: number;
}

/**
 * An in-process SIP load generator built on the gateway's own pure SIP/RTP code: each call
 * INVITEs the gateway with a PCMU offer, is answered by the test call-control, ACKs, sends one
 * RTP packet per 20 ms (spread over ten 2 ms phases) and gets 100 ms of agent audio per 100 ms
 * on the bus. The inter-arrival time of the gateway's RTP at each call is recorded.
 */
export class SipLoadFleet {
  private readonly calls: Call[] = [];
  private readonly bySipCallId = new Map<string, Call>();
  private readonly waiting = new Map<string, (m: SipMessage) => void>();
  /** |inter-arrival − 20 ms| of the gateway's RTP packets, ms. */
  readonly arrivalJitter = new Reservoir(500_000);
  failures = 0;
  private readonly agent: AgentAudio;
  private stopLoad = (): void => undefined;
  private readonly payload = encodeMulaw(
    sine({ rate: 8000, hz: 440, samples: 160, amplitude: 0.3 }),
  );

  private constructor(
    private readonly sig: Socket,
    private readonly gatewayPort: number,
    bus: Bus,
    private readonly callControl: FakeCallControl,
  ) {
    this.agent = new AgentAudio(bus);
    sig.on('message', (data) => this.signal(data));
  }

  static async open(
    gatewayPort: number,
    bus: Bus,
    callControl: FakeCallControl,
  ): Promise<SipLoadFleet> {
    const sig = createSocket('udp4');
    await new Promise<void>((resolve) => sig.bind(0, '127.0.0.1', () => resolve()));
    return new SipLoadFleet(sig, gatewayPort, bus, callControl);
  }

  get size(): number {
    return this.calls.length;
  }

  async growTo(target: number): Promise<void> {
    while (this.calls.length < target) {
      const batch = Math.min(10, target - this.calls.length);
      await Promise.all(Array.from({ length: batch }, () => this.dial()));
    }
  }

  /** Starts the shared timer (see `startPhasedLoad`): one RTP packet per call per 20 ms, agent audio kept ahead. */
  start(): void {
    this.stopLoad = startPhasedLoad(this.calls, (call) => this.sendRtp(call), this.agent);
  }

  /** BYE for every call, then closes the sockets. */
  async stop(): Promise<void> {
    this.stopLoad();
    await Promise.all(
      this.calls.map(async (call) => {
        const bye = this.request('BYE', call, ++call.cseq);
        await this.transact(bye, call.sipCallId).catch(() => undefined);
        call.rtp.close();
      }),
    );
    this.sig.close();
  }

  private request(method: string, call: Call, cseq: number, body?: string) {
    const uri = `sip:agent@127.0.0.1:${this.gatewayPort}`;
    const port = this.sig.address().port;
    return createRequest({
      method,
      uri,
      from: `<sip:load@127.0.0.1:${port}>;tag=${call.fromTag}`,
      to: `<${uri}>${call.toTag ? `;tag=${call.toTag}` : ''}`,
      callId: call.sipCallId,
      cseq,
      via: { transport: 'UDP', host: '127.0.0.1', hostType: 'ipv4', port },
      branch: generateBranch(),
      contact: `<sip:load@127.0.0.1:${port}>`,
      headers: body ? [header('Content-Type', 'application/sdp')] : [],
      ...(body ? { body: Buffer.from(body) } : {}),
    });
  }

  private transact(
    request: ReturnType<typeof createRequest>,
    sipCallId: string,
  ): Promise<SipMessage> {
    const key = `${sipCallId}|${request.method}`;
    const answer = new Promise<SipMessage>((resolve) => this.waiting.set(key, resolve));
    this.sig.send(serializeSipMessage(request), this.gatewayPort, '127.0.0.1');
    return Promise.race([
      answer,
      new Promise<SipMessage>((_, reject) =>
        setTimeout(() => reject(new Error(`${request.method} timed out`)), 30_000),
      ),
    ]);
  }

  private async dial(): Promise<void> {
    const rtp = createSocket('udp4');
    await new Promise<void>((resolve) => rtp.bind(0, '127.0.0.1', () => resolve()));
    const call: Call = {
      sipCallId: generateCallId('127.0.0.1'),
      fromTag: generateTag(),
      rtp,
      toTag: '',
      remoteRtpPort: 0,
      callId: '',
      utteranceId: randomUUID(),
      agentSequence: 0,
      seq: 0,
      ts: 0,
      cseq: 1,
    };
    rtp.on('message', () => {
      const now = performance.now();
      if (call.lastArrival !== undefined)
        this.arrivalJitter.add(Math.abs(now - call.lastArrival - 20));
      call.lastArrival = now;
    });
    this.bySipCallId.set(call.sipCallId, call);
    const ok = await this.transact(
      this.request('INVITE', call, 1, sdpOffer(rtp.address().port, [[0, 'PCMU']])),
      call.sipCallId,
    );
    if (ok.kind !== 'response' || ok.status !== 200)
      throw new Error(`INVITE answered ${ok.kind === 'response' ? ok.status : '?'}`);
    call.toTag = readCore(ok).toTag ?? '';
    call.remoteRtpPort = parseSdp(ok.body).media[0]?.port ?? 0;
    this.sig.send(serializeSipMessage(this.request('ACK', call, 1)), this.gatewayPort, '127.0.0.1');
    const start = await waitFor(
      () => this.callControl.starts.find((s) => s.carrierCallId === call.sipCallId),
      { timeoutMs: 30_000 },
    );
    call.callId = start.callId;
    this.agent.feed(call, AGENT_FRAMES_AHEAD);
    this.calls.push(call);
  }

  private signal(data: Buffer): void {
    let message: SipMessage;
    try {
      message = parseSipMessage(data);
    } catch {
      return;
    }
    const core = readCore(message);
    if (message.kind === 'request') {
      if (message.method === 'BYE') {
        this.failures++;
        this.sig.send(
          serializeSipMessage(createResponse(message, 200)),
          this.gatewayPort,
          '127.0.0.1',
        );
      }
      return;
    }
    if (message.status < 200) return;
    const key = `${core.callId}|${core.cseq.method}`;
    const resolve = this.waiting.get(key);
    this.waiting.delete(key);
    resolve?.(message);
  }

  private sendRtp(call: Call): void {
    if (call.remoteRtpPort === 0) return;
    const packet = serializeRtpPacket({
      marker: call.seq === 0,
      payloadType: 0,
      sequenceNumber: call.seq & 0xffff,
      timestamp: call.ts >>> 0,
      ssrc: 0x5eed,
      csrcs: [],
      payload: this.payload,
      paddingLength: 0,
    });
    call.seq++;
    call.ts += 160;
    call.rtp.send(packet, call.remoteRtpPort, '127.0.0.1');
  }
}
