import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake server received it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query, e.g. `/v1/chat/completions`. */
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  /** The body parsed as JSON (undefined when it is not JSON). */
  readonly body: unknown;
}

/**
 * How to answer one request:
 * - `events`: status 200, `text/event-stream`, each string written as its own chunk (so an
 *   event can be split across chunks), then the response ends;
 * - `status`: that status with a JSON error body;
 * - `hang`: accept the request and never answer (`aborted` tells when the client gave up).
 */
export type FakeReply =
  | { readonly kind: 'events'; readonly chunks: readonly string[] }
  | { readonly kind: 'status'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'hang' };

/** A fake model server on 127.0.0.1 with a random port. */
export interface FakeModelServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** How the next requests are answered. */
  reply(answer: (request: RecordedRequest) => FakeReply): void;
  /** Resolves when a hanging request's client closed the connection (it aborted). */
  aborted(): Promise<void>;
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage): Promise<unknown> => {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  try {
    return JSON.parse(Buffer.concat(parts).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
};

/** Starts a fake model server for contract tests. */
export async function startFakeModelServer(): Promise<FakeModelServer> {
  const requests: RecordedRequest[] = [];
  let answer: (request: RecordedRequest) => FakeReply = () => ({ kind: 'hang' });
  let onAbort: () => void = () => undefined;
  let abortSeen = new Promise<void>((resolve) => (onAbort = resolve));
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const request: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: await readBody(req),
    };
    requests.push(request);
    const reply = answer(request);
    switch (reply.kind) {
      case 'hang':
        res.on('close', () => onAbort());
        return;
      case 'status':
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(reply.body));
        return;
      case 'events':
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        for (const chunk of reply.chunks) {
          res.write(chunk);
          await new Promise((resolve) => setImmediate(resolve));
        }
        res.end();
        return;
    }
  };
  const server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (next) => {
      answer = next;
      abortSeen = new Promise<void>((resolve) => (onAbort = resolve));
    },
    aborted: () => abortSeen,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** One server-sent event carrying `value` as JSON. */
export const sseEvent = (value: unknown): string => `data: ${JSON.stringify(value)}\n\n`;
