import { type Socket, createSocket } from 'node:dgram';
import { waitFor } from '@warmline/testing';
import {
  type SipMessage,
  type SipRequest,
  type SipResponse,
  createRequest,
  generateBranch,
  generateCallId,
  generateTag,
  getHeader,
  header,
  parseSipMessage,
  readCore,
  serializeSipMessage,
} from '../sip';

/** A hand-driven SIP peer over UDP for robustness tests: sends what it is told, keeps what comes back. */
export class SipProbe {
  readonly received: SipMessage[] = [];
  private constructor(
    private readonly socket: Socket,
    private target: number,
  ) {
    socket.on('message', (data) => {
      try {
        // unvalidated: a 400 echoes the malformed header it complains about
        this.received.push(parseSipMessage(data, { validate: false }));
      } catch {
        // a test peer keeps only what parses
      }
    });
  }

  static async open(target: number): Promise<SipProbe> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
    return new SipProbe(socket, target);
  }

  /** Sends to another port from now on (a probe playing a trunk answers the gateway). */
  retarget(port: number): void {
    this.target = port;
  }

  get port(): number {
    return this.socket.address().port;
  }

  sendRaw(bytes: string | Uint8Array): void {
    this.socket.send(
      typeof bytes === 'string' ? Buffer.from(bytes) : bytes,
      this.target,
      '127.0.0.1',
    );
  }

  send(message: SipMessage): void {
    this.sendRaw(serializeSipMessage(message));
  }

  /** A request from this probe to `user` at the gateway. */
  request(
    method: string,
    user: string,
    o: {
      callId?: string;
      cseq?: number;
      fromTag?: string;
      toTag?: string;
      body?: string;
      branch?: string;
    } = {},
  ): SipRequest {
    const uri = `sip:${user}@127.0.0.1:${this.target}`;
    return createRequest({
      method,
      uri,
      from: `<sip:probe@127.0.0.1:${this.port}>;tag=${o.fromTag ?? generateTag()}`,
      to: `<${uri}>${o.toTag ? `;tag=${o.toTag}` : ''}`,
      callId: o.callId ?? generateCallId('127.0.0.1'),
      cseq: o.cseq ?? 1,
      via: { transport: 'UDP', host: '127.0.0.1', hostType: 'ipv4', port: this.port },
      branch: o.branch ?? generateBranch(),
      contact: `<sip:probe@127.0.0.1:${this.port}>`,
      headers: o.body ? [header('Content-Type', 'application/sdp')] : [],
      ...(o.body ? { body: Buffer.from(o.body) } : {}),
    });
  }

  /** Waits for a response to `request` with a status matching `status`. */
  response(
    request: SipRequest,
    status: (s: number) => boolean,
    timeoutMs = 5_000,
  ): Promise<SipResponse> {
    const core = readCore(request);
    return waitFor(
      () =>
        this.received.find(
          (m): m is SipResponse =>
            m.kind === 'response' &&
            status(m.status) &&
            getHeader(m, 'Call-ID') === core.callId &&
            readCore(m).cseq.seq === core.cseq.seq &&
            readCore(m).cseq.method === core.cseq.method,
        ),
      {
        timeoutMs,
        describe: () =>
          `a response to ${request.method} (got ${this.received.map((m) => (m.kind === 'response' ? m.status : m.method)).join(',')})`,
      },
    );
  }

  /** Waits for a request of `method` from the gateway. */
  incoming(method: string, timeoutMs = 5_000): Promise<SipRequest> {
    return waitFor(
      () => this.received.find((m): m is SipRequest => m.kind === 'request' && m.method === method),
      {
        timeoutMs,
        describe: () => `a ${method} from the gateway`,
      },
    );
  }

  close(): void {
    this.socket.close();
  }
}

/** An SDP offer from `port` with the given payload types (`0 PCMU`, `8 PCMA`, `18 G729`...). */
export const sdpOffer = (
  port: number,
  formats: readonly [number, string][],
  direction = 'sendrecv',
  version = 1,
): string =>
  [
    'v=0',
    `o=probe 1 ${version} IN IP4 127.0.0.1`,
    's=-',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    `m=audio ${port} RTP/AVP ${formats.map(([pt]) => pt).join(' ')}`,
    ...formats.map(([pt, name]) => `a=rtpmap:${pt} ${name}/8000`),
    'a=ptime:20',
    `a=${direction}`,
    '',
  ].join('\r\n');
