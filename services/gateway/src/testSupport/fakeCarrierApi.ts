import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake carrier API received. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** An answer the fake gives: status and JSON body. */
export interface FakeAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** Decides the answer to one request (after it was recorded). */
export type FakeResponder = (request: RecordedRequest) => FakeAnswer;

/** A local stand-in for a carrier's REST API: records every request and answers as told. */
export interface FakeCarrierApi {
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** Replaces how requests are answered. */
  respondWith(responder: FakeResponder): void;
  close(): Promise<void>;
}

/** Starts the fake on a random loopback port. */
export const startFakeCarrierApi = async (responder: FakeResponder): Promise<FakeCarrierApi> => {
  const requests: RecordedRequest[] = [];
  let answer = responder;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const { status, body } = answer(recorded);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    respondWith: (next) => {
      answer = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
