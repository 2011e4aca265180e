import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake provider received. */
export interface ReceivedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** What the fake provider does with a request: write a response, maybe slowly. */
export type FakeResponder = (
  request: ReceivedRequest,
  response: ServerResponse,
) => void | Promise<void>;

/** A local HTTP server on 127.0.0.1 standing in for a hosted TTS provider. */
export interface FakeProvider {
  readonly baseUrl: string;
  readonly requests: ReceivedRequest[];
  /** Resolves when a response was closed by the client before it ended (an abort). */
  readonly clientClosed: Promise<void>;
  respondWith(responder: FakeResponder): void;
  close(): Promise<void>;
}

/** Starts a fake provider on a random loopback port. */
export const startFakeProvider = async (): Promise<FakeProvider> => {
  const requests: ReceivedRequest[] = [];
  let responder: FakeResponder = (_request, response) => {
    response.end();
  };
  let markClosed: () => void = () => undefined;
  const clientClosed = new Promise<void>((resolve) => (markClosed = resolve));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      res.on('close', () => {
        if (!res.writableFinished) markClosed();
      });
      void Promise.resolve(responder(received, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    clientClosed,
    respondWith: (next) => {
      responder = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/** Little-endian bytes of samples. */
export const pcmBytes = (samples: Int16Array): Buffer =>
  Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
