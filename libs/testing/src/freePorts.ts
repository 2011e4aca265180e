import { createServer, type Server } from 'node:net';

const listenOnAnyPort = (host: string): Promise<Server> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => resolve(server));
  });

const close = (server: Server): Promise<void> =>
  new Promise((resolve) => server.close(() => resolve()));

/**
 * Returns `count` distinct ports that were free on `host` a moment ago: it listens on port 0 that
 * many times at once, reads the ports the kernel chose, and closes. Another process may take one
 * before the caller binds it, so callers retry on "address already in use".
 */
export const freePorts = async (count: number, host = '127.0.0.1'): Promise<number[]> => {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) servers.push(await listenOnAnyPort(host));
    return servers.map((server) => {
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('not a TCP server');
      return address.port;
    });
  } finally {
    await Promise.all(servers.map(close));
  }
};
