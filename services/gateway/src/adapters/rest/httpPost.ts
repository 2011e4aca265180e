import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** What a POST came back with. */
export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

/** Options of {@link httpPost}. */
export interface HttpPostOptions {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Abandon the request after this long (default 10 000 ms). */
  readonly timeoutMs?: number;
}

/**
 * POSTs `body` to `url` on a fresh connection (`Connection: close`, no shared
 * agent), so nothing is left open after the answer. Rejects on network
 * errors and timeouts; any HTTP status resolves.
 */
export const httpPost = (url: string, options: HttpPostOptions): Promise<HttpAnswer> =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      {
        method: 'POST',
        agent: false,
        headers: {
          ...options.headers,
          connection: 'close',
          'content-length': String(Buffer.byteLength(options.body)),
        },
        timeout: options.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from ${target.host} in time`)));
    req.on('error', reject);
    req.end(options.body);
  });
