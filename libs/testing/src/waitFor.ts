import { connect as tcpConnect } from 'node:net';
import { WaitTimeoutError } from './errors';

/** How long and how often {@link waitFor} polls. */
export interface WaitForOptions {
  /** Default 10 000. */
  timeoutMs?: number;
  /** Pause between checks; default 20. */
  intervalMs?: number;
  /** What we are waiting for, evaluated on timeout, for the error message. */
  describe?: () => string;
}

/**
 * Polls `check` until it returns a value other than `undefined`, or rejects with
 * {@link WaitTimeoutError} after `timeoutMs`. An exception thrown by `check` ends the wait at once
 * (use it for "the process died, stop waiting").
 */
export const waitFor = async <T>(
  check: () => Promise<T | undefined> | T | undefined,
  { timeoutMs = 10_000, intervalMs = 20, describe = () => 'condition' }: WaitForOptions = {},
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new WaitTimeoutError(describe(), timeoutMs);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
};

/** Resolves true when a TCP connection to host:port succeeds, false when it is refused. */
export const canConnect = (port: number, host = '127.0.0.1'): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = tcpConnect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
