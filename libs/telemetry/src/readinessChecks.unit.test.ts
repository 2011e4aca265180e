import { natsCheck, pingCheck } from './readinessChecks';

const connection = (state: {
  closed?: boolean;
  draining?: boolean;
  rtt?: () => Promise<number>;
}) => ({
  isClosed: () => state.closed ?? false,
  isDraining: () => state.draining ?? false,
  rtt: state.rtt ?? (() => Promise.resolve(1)),
});

describe('natsCheck', () => {
  it('passes when the server answers a ping', async () => {
    await expect(natsCheck(() => connection({}))()).resolves.toBe(true);
  });

  it('fails before the connection exists, when closed, or draining', async () => {
    await expect(natsCheck(() => undefined)()).resolves.toBe(false);
    await expect(natsCheck(() => connection({ closed: true }))()).resolves.toBe(false);
    await expect(natsCheck(() => connection({ draining: true }))()).resolves.toBe(false);
  });

  it('fails (rejects) while disconnected or when the ping does not come back in time', async () => {
    const disconnected = connection({ rtt: () => Promise.reject(new Error('disconnected')) });
    await expect(natsCheck(() => disconnected)()).rejects.toThrow('disconnected');
    const silent = connection({ rtt: () => new Promise<number>(() => undefined) });
    await expect(natsCheck(() => silent, 20)()).rejects.toThrow('no answer within 20 ms');
  });
});

describe('pingCheck', () => {
  it('passes when the ping resolves and rejects when it fails', async () => {
    await expect(pingCheck(() => Promise.resolve({ ok: 1 }))()).resolves.toBe(true);
    await expect(pingCheck(() => Promise.reject(new Error('down')))()).rejects.toThrow('down');
  });
});
