import { get } from 'node:http';

/**
 * Resolves true if GET `url` answers 200; false on any other status, a refused connection, or no
 * answer within `timeoutMs`. No keep-alive agent, so nothing stays open after the answer.
 */
export const httpOk = (url: string, { timeoutMs = 2_000 } = {}): Promise<boolean> =>
  new Promise((resolve) => {
    const req = get(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(false));
  });
