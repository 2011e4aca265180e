import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WarmlineAttributes } from './attributes';
import { initTelemetry } from './initTelemetry';
import { withSpan } from './withSpan';

interface ReceivedRequest {
  method?: string;
  url?: string;
  contentType?: string;
  body: string;
}

/** A stand-in OTLP/HTTP collector on a random loopback port that records what it receives. */
const startReceiver = async () => {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method,
        url: request.url,
        contentType: request.headers['content-type'],
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stop = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  return { endpoint: `http://127.0.0.1:${port}`, received, stop };
};

describe('OTLP/HTTP export', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.stop());

  it('sends finished spans to <endpoint>/v1/traces, flushed by shutdown', async () => {
    const telemetry = await initTelemetry({
      serviceName: 'otlp-export-test',
      otlpEndpoint: receiver.endpoint,
    });
    try {
      await withSpan(
        'turn.transcribed',
        { attributes: { [WarmlineAttributes.STAGE]: 'stt' } },
        () => undefined,
      );
    } finally {
      await telemetry.shutdown();
    }

    const traces = receiver.received.filter((request) => request.url === '/v1/traces');
    expect(traces).not.toHaveLength(0);
    expect(traces[0]?.method).toBe('POST');
    const body = traces.map((request) => request.body).join('\n');
    expect(body).toContain('turn.transcribed');
    expect(body).toContain('otlp-export-test');
    expect(body).toContain('warmline.stage');
  });
});
