import type { AddressInfo } from 'node:net';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';

/** One client connection as Google's server sees it. */
export class FakeLiveConnection {
  /** The `setup` the client sent (the first message). */
  setup: Record<string, unknown> | undefined;
  /** Caller audio received through `realtimeInput`, in order. */
  readonly audio: { readonly pcm: Buffer; readonly mimeType: string }[] = [];
  /** `toolResponse.functionResponses` received, in order. */
  readonly toolResponses: { id: string; name: string; response: unknown }[] = [];
  /** Messages that break the published protocol. */
  readonly violations: string[] = [];
  readonly query: URLSearchParams;
  readonly closed: Promise<number>;

  constructor(
    readonly ws: WebSocket,
    url: string,
  ) {
    this.query = new URL(url, 'ws://localhost').searchParams;
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  }

  /** Sends one server message (as Google does, in a binary frame unless `text`). */
  send(message: object, text = false): void {
    const json = JSON.stringify(message);
    this.ws.send(text ? json : Buffer.from(json), { binary: !text });
  }

  /** Milliseconds of caller audio received so far (from the declared rate). */
  audioMs(): number {
    return this.audio.reduce((ms, a) => {
      const rate = Number(/rate=(\d+)/.exec(a.mimeType)?.[1] ?? 16000);
      return ms + (a.pcm.length / 2 / rate) * 1000;
    }, 0);
  }
}

/**
 * Plays Google's part of Gemini Live's WebSocket protocol (BidiGenerateContent) on a loopback
 * port, for contract tests: the first client message must be `setup` (with a `model`), answered
 * with `setupComplete`; then `realtimeInput.audio` (base64 PCM, `audio/pcm;rate=N`) and
 * `toolResponse.functionResponses` are checked and recorded. The test scripts the model's side
 * with `send`. Anything else is a violation (recorded; the socket is closed 1007 as Google
 * closes on invalid input).
 */
export class FakeGeminiLive {
  readonly connections: FakeLiveConnection[] = [];
  /** Answer setup with this instead of `setupComplete` (to test refusals). */
  refuseSetupWith: { code: number; reason: string } | undefined;

  private constructor(
    private readonly server: WebSocketServer,
    readonly url: string,
  ) {
    server.on('connection', (ws, request) => {
      const connection = new FakeLiveConnection(ws, request.url ?? '/');
      this.connections.push(connection);
      ws.on('message', (data: RawData) => this.receive(connection, data));
    });
  }

  static async start(): Promise<FakeGeminiLive> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const { port } = server.address() as AddressInfo;
    return new FakeGeminiLive(
      server,
      `ws://127.0.0.1:${port}/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent`,
    );
  }

  async stop(): Promise<void> {
    for (const c of this.connections) c.ws.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private receive(connection: FakeLiveConnection, data: RawData): void {
    const violation = (what: string) => {
      connection.violations.push(what);
      connection.ws.close(1007, what);
    };
    let message: Record<string, unknown>;
    try {
      const text = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer);
      message = JSON.parse(text.toString('utf8')) as Record<string, unknown>;
    } catch {
      return violation('not JSON');
    }
    if (!connection.setup) {
      const setup = message.setup as Record<string, unknown> | undefined;
      if (!setup || typeof setup.model !== 'string' || !setup.model.startsWith('models/'))
        return violation('the first message must be setup with a models/… model');
      connection.setup = setup;
      if (this.refuseSetupWith)
        connection.ws.close(this.refuseSetupWith.code, this.refuseSetupWith.reason);
      else connection.send({ setupComplete: {} });
      return;
    }
    const input = message.realtimeInput as { audio?: { data?: unknown; mimeType?: unknown } };
    if (input) {
      const { data: b64, mimeType } = input.audio ?? {};
      if (
        typeof b64 !== 'string' ||
        typeof mimeType !== 'string' ||
        !/^audio\/pcm;rate=\d+$/.test(mimeType)
      )
        return violation('realtimeInput.audio needs base64 data and audio/pcm;rate=N');
      const pcm = Buffer.from(b64, 'base64');
      if (pcm.length % 2) return violation('odd PCM byte count');
      connection.audio.push({ pcm, mimeType });
      return;
    }
    const response = message.toolResponse as { functionResponses?: unknown };
    if (response && Array.isArray(response.functionResponses)) {
      for (const r of response.functionResponses as Record<string, unknown>[]) {
        if (
          typeof r.id !== 'string' ||
          typeof r.name !== 'string' ||
          typeof r.response !== 'object'
        )
          return violation('functionResponses need id, name and response');
        connection.toolResponses.push({ id: r.id, name: r.name, response: r.response });
      }
      return;
    }
    violation(`unexpected client message ${Object.keys(message).join(',')}`);
  }
}
