import type { ReadinessCheck } from './readiness';

/** The part of a NATS connection the readiness check uses (structural: no NATS import here). */
export interface PingableConnection {
  isClosed(): boolean;
  isDraining(): boolean;
  /** Round trip to the server; rejects while disconnected. */
  rtt(): Promise<number>;
}

const within = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });

/**
 * Ready while the connection is open, not draining, and the server answers a
 * ping within `timeoutMs` (a reconnecting client does not).
 */
export const natsCheck =
  (connection: () => PingableConnection | undefined, timeoutMs = 2_000): ReadinessCheck =>
  async () => {
    const nc = connection();
    if (!nc || nc.isClosed() || nc.isDraining()) return false;
    await within(nc.rtt(), timeoutMs);
    return true;
  };

/** Ready while `ping()` resolves within `timeoutMs` (e.g. MongoDB's `{ ping: 1 }`). */
export const pingCheck =
  (ping: () => Promise<unknown>, timeoutMs = 2_000): ReadinessCheck =>
  async () => {
    await within(ping(), timeoutMs);
    return true;
  };
