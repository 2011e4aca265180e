import { type Socket, createSocket } from 'node:dgram';

/** An inclusive UDP port range for RTP (even ports are used; RTCP would take the odd one above). */
export interface RtpPortRange {
  readonly min: number;
  readonly max: number;
}

const bindOnce = (socket: Socket, port: number, host: string): Promise<boolean> =>
  new Promise((resolve) => {
    const failed = (): void => resolve(false);
    socket.once('error', failed);
    socket.bind(port, host, () => {
      socket.off('error', failed);
      resolve(true);
    });
  });

/**
 * Hands out even RTP ports from a range, one socket per leg, skipping ports another process
 * holds. Port 0 in both bounds means "any free port" (the kernel's choice; tests and benches).
 */
export class RtpPortPool {
  private next: number;

  constructor(
    private readonly host: string,
    private readonly range: RtpPortRange,
  ) {
    this.next = range.min + (range.min % 2);
  }

  /** A bound UDP socket on an even port. Throws when the range is exhausted. */
  async bind(): Promise<Socket> {
    if (this.range.min === 0 && this.range.max === 0) {
      for (let attempt = 0; attempt < 50; attempt++) {
        const socket = createSocket('udp4');
        if ((await bindOnce(socket, 0, this.host)) && socket.address().port % 2 === 0)
          return socket;
        socket.close();
      }
      throw new Error('no even RTP port found');
    }
    const span = Math.floor((this.range.max - this.range.min) / 2) + 1;
    for (let attempt = 0; attempt < span; attempt++) {
      const port = this.next;
      this.next = port + 2 > this.range.max ? this.range.min + (this.range.min % 2) : port + 2;
      const socket = createSocket('udp4');
      if (await bindOnce(socket, port, this.host)) return socket;
      socket.close();
    }
    throw new Error(`no free RTP port in ${this.range.min}-${this.range.max}`);
  }
}
