/**
 * SIP over UDP and TCP (RFC 3261 §18) on one host and port: datagrams and stream frames in,
 * serialized messages out. Responses go back where the request came from (the connection
 * for TCP, the source address for UDP, as RFC 3581 `rport` asks).
 */
import { type Socket as UdpSocket, createSocket } from 'node:dgram';
import { type Server, type Socket, createConnection, createServer } from 'node:net';
import type { SipMessage } from '../message';
import { parseSipMessage } from '../parser';
import { serializeSipMessage } from '../serializer';
import { SipParseError } from '../sipParseError';
import { SipStreamFramer } from '../streamFramer';

/** A transport protocol this endpoint speaks. */
export type SipTransportName = 'UDP' | 'TCP';

/** Where a message came from or goes to. */
export interface SipPeer {
  readonly transport: SipTransportName;
  readonly address: string;
  readonly port: number;
}

/** What the transport hands up. */
export interface SipTransportListener {
  message(message: SipMessage, from: SipPeer): void;
  /** A message that could not be parsed (the listener may answer 400 with `error.partial`). */
  malformed(error: SipParseError, from: SipPeer): void;
}

/** Options of {@link SipTransport.start}. */
export interface SipTransportOptions {
  readonly host: string;
  /** 0 picks a free port (the same one for UDP and TCP). */
  readonly port: number;
  readonly transports: readonly SipTransportName[];
}

const peerKey = (p: Pick<SipPeer, 'address' | 'port'>): string => `${p.address}:${p.port}`;

/** The SIP sockets of a gateway. */
export class SipTransport {
  private udp: UdpSocket | undefined;
  private tcp: Server | undefined;
  private readonly connections = new Map<string, Socket>();
  private portValue = 0;

  private constructor(
    private readonly listener: SipTransportListener,
    private readonly onError: (error: unknown, context: string) => void,
  ) {}

  /** Binds the sockets; UDP first, TCP on the same port. */
  static async start(
    options: SipTransportOptions,
    listener: SipTransportListener,
    onError: (error: unknown, context: string) => void,
  ): Promise<SipTransport> {
    const t = new SipTransport(listener, onError);
    await t.bind(options);
    return t;
  }

  get port(): number {
    return this.portValue;
  }

  get openConnections(): number {
    return this.connections.size;
  }

  /** Sends a message; TCP opens a connection to the peer if none is open. */
  send(message: SipMessage, to: SipPeer): void {
    const bytes = serializeSipMessage(message);
    if (to.transport === 'UDP') {
      if (!this.udp) throw new Error('SIP over UDP is not enabled');
      this.udp.send(bytes, to.port, to.address, (error) => {
        if (error) this.onError(error, 'udp send');
      });
      return;
    }
    const existing = this.connections.get(peerKey(to));
    const socket = existing ?? this.connect(to);
    socket.write(bytes);
  }

  /** Closes every socket. */
  async close(): Promise<void> {
    for (const socket of this.connections.values()) socket.destroy();
    this.connections.clear();
    await Promise.all([
      new Promise<void>((resolve) => (this.udp ? this.udp.close(() => resolve()) : resolve())),
      new Promise<void>((resolve) => (this.tcp ? this.tcp.close(() => resolve()) : resolve())),
    ]);
  }

  private async bind(options: SipTransportOptions): Promise<void> {
    let port = options.port;
    if (options.transports.includes('UDP')) {
      const udp = createSocket('udp4');
      udp.on('message', (data, rinfo) =>
        this.datagram(data, { transport: 'UDP', address: rinfo.address, port: rinfo.port }),
      );
      udp.on('error', (error) => this.onError(error, 'udp socket'));
      await new Promise<void>((resolve, reject) => {
        udp.once('error', reject);
        udp.bind(port, options.host, () => {
          udp.off('error', reject);
          resolve();
        });
      });
      port = udp.address().port;
      this.udp = udp;
    }
    if (options.transports.includes('TCP')) {
      const tcp = createServer((socket) => this.adopt(socket));
      await new Promise<void>((resolve, reject) => {
        tcp.once('error', reject);
        tcp.listen(port, options.host, () => {
          tcp.off('error', reject);
          resolve();
        });
      });
      const address = tcp.address();
      if (address && typeof address !== 'string') port = address.port;
      this.tcp = tcp;
    }
    this.portValue = port;
  }

  private datagram(data: Buffer, from: SipPeer): void {
    if (data.length <= 4 && data.every((b) => b === 0x0d || b === 0x0a || b === 0)) return; // keep-alive
    let message: SipMessage;
    try {
      message = parseSipMessage(data, { framing: 'datagram' });
    } catch (error) {
      const parseError =
        error instanceof SipParseError ? error : new SipParseError('malformed', String(error));
      this.listener.malformed(parseError, from);
      return;
    }
    this.listener.message(message, from);
  }

  private connect(to: SipPeer): Socket {
    const socket = createConnection({ host: to.address, port: to.port });
    this.adopt(socket, to);
    return socket;
  }

  private adopt(socket: Socket, known?: SipPeer): void {
    const peer: SipPeer = known ?? {
      transport: 'TCP',
      address: socket.remoteAddress ?? '',
      port: socket.remotePort ?? 0,
    };
    const key = peerKey(peer);
    this.connections.set(key, socket);
    const framer = new SipStreamFramer();
    socket.on('data', (chunk) => {
      for (const event of framer.push(chunk)) {
        if (event.type === 'message') this.listener.message(event.message, peer);
        else if (event.type === 'invalid') this.listener.malformed(event.error, peer);
        else if (event.type === 'keepalive' && event.kind === 'ping') socket.write('\r\n');
        else if (event.type === 'fatal') {
          this.listener.malformed(event.error, peer);
          socket.destroy();
        }
      }
    });
    socket.on('error', (error) => this.onError(error, 'tcp connection'));
    socket.on('close', () => {
      if (this.connections.get(key) === socket) this.connections.delete(key);
    });
  }
}
