import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake transcription endpoint saw of one request. */
export interface TranscriptionCall {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string;
  /** The raw multipart body, to check its framing. */
  body: Buffer;
  /** The body as parsed by a standard multipart parser. */
  form: FormData;
}

/** How the fake answers. */
export interface FakeOpenAiOptions {
  status?: number;
  response?: unknown;
}

const readBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/**
 * A stand-in for an OpenAI-compatible `POST /v1/audio/transcriptions` on
 * 127.0.0.1: records the request, parses its multipart body, and answers
 * with the documented `json` response shape (or the status it is given).
 */
export const startFakeOpenAi = async (options: FakeOpenAiOptions = {}) => {
  const calls: TranscriptionCall[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const contentType = request.headers['content-type'] ?? '';
      const form = await new Response(body, {
        headers: { 'content-type': contentType },
      }).formData();
      calls.push({
        method: request.method ?? '',
        path: request.url ?? '',
        authorization: request.headers.authorization,
        contentType,
        body,
        form,
      });
      const status = options.status ?? 200;
      const answer =
        options.response ??
        (status === 200
          ? { text: ' Get me an operator.' }
          : { error: { message: 'fake failure', type: 'server_error' } });
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
