import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

const tcpFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () =>
      server.close(() => resolve(true)),
    );
  });

const udpFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => resolve(false));
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });

/**
 * Ports for one baresip: SIP (UDP and TCP on p, TLS on p+1) and ctrl_tcp (p+2), all free a
 * moment ago. Another process may take one first; starting baresip then fails and is retried.
 */
export const baresipPorts = async (): Promise<{ sipPort: number; ctrlPort: number }> => {
  for (let attempt = 0; attempt < 100; attempt++) {
    const base = 30000 + 4 * Math.floor(Math.random() * 7000);
    const checks = await Promise.all([
      tcpFree(base),
      udpFree(base),
      tcpFree(base + 1),
      tcpFree(base + 2),
    ]);
    if (checks.every(Boolean)) return { sipPort: base, ctrlPort: base + 2 };
  }
  throw new Error('no free ports for baresip');
};
