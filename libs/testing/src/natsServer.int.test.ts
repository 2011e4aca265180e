import { connect } from 'node:net';
import { startNatsServer } from './natsServer';

const ping = (port: number): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString('utf8'));
    });
    socket.once('error', reject);
  });

describe('startNatsServer', () => {
  it('starts a real JetStream server on a random loopback port and stops it by PID', async () => {
    const server = await startNatsServer();
    const pid = server.pid;
    try {
      const info = JSON.parse((await ping(server.port)).replace(/^INFO /, '')) as {
        version: string;
        jetstream: boolean;
        host: string;
      };
      expect(info.jetstream).toBe(true);
      expect(info.host).toBe('127.0.0.1');
      expect(info.version).toMatch(/^2\.1[1-9]\./);
    } finally {
      await server.stop();
    }
    expect(pid).toBeGreaterThan(0);
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('restarts on the same port with the same store', async () => {
    const server = await startNatsServer();
    try {
      const before = server.port;
      await server.restart();
      expect(server.port).toBe(before);
      expect(await ping(server.port)).toMatch(/^INFO /);
    } finally {
      await server.stop();
    }
  });
});
