import WebSocket, { type RawData } from 'ws';
import {
  type FunctionResponse,
  type LiveEvent,
  type LiveSetup,
  audioInputMessage,
  setupMessage,
  parseServerMessage,
  toolResponseMessage,
} from './domain/liveProtocol';

/** The session could not be opened or broke. */
export class LiveSessionError extends Error {
  override readonly name = 'LiveSessionError';
}

/** Where and how to open a session. */
export interface LiveSessionOptions {
  /** `wss://…BidiGenerateContent` (Google's, or any server speaking the protocol). */
  readonly url: string;
  /** Sent as the `key` query parameter (omitted when empty). */
  readonly apiKey: string;
  readonly setup: LiveSetup;
  /** How long the socket and `setupComplete` may take; default 10 s. */
  readonly openTimeoutMs?: number;
}

/**
 * One Gemini Live session over a WebSocket: `open` connects, sends `setup` and resolves after
 * `setupComplete`; `events()` yields what the server says, in order, and ends when the socket
 * closes (throwing {@link LiveSessionError} if it broke, or on a protocol violation).
 */
export class LiveSession {
  private readonly queue: LiveEvent[] = [];
  private wake: (() => void) | undefined;
  private ended = false;
  private failure: Error | undefined;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: RawData) => this.receive(data));
    ws.on('close', (code, reason) => {
      if (code !== 1000 && code !== 1005)
        this.failure ??= new LiveSessionError(`closed ${code} ${reason.toString()}`.trim());
      this.finish();
    });
    ws.on('error', (error) => {
      this.failure ??= new LiveSessionError(error.message);
      this.finish();
    });
  }

  static async open(options: LiveSessionOptions): Promise<LiveSession> {
    const url = new URL(options.url);
    if (options.apiKey) url.searchParams.set('key', options.apiKey);
    const ws = new WebSocket(url);
    const session = new LiveSession(ws);
    const timeoutMs = options.openTimeoutMs ?? 10_000;
    const timer = setTimeout(() => ws.terminate(), timeoutMs);
    try {
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
        ws.once('close', () => reject(new LiveSessionError('closed before it opened')));
      });
      ws.send(JSON.stringify(setupMessage(options.setup)));
      const first = await session.next();
      if (first?.kind !== 'setupComplete')
        throw new LiveSessionError(`expected setupComplete, got ${first?.kind ?? 'the end'}`);
      return session;
    } catch (error) {
      ws.terminate();
      throw error instanceof LiveSessionError ? error : new LiveSessionError(String(error));
    } finally {
      clearTimeout(timer);
    }
  }

  /** Caller audio up (PCM16 at `rate`); dropped once the socket is closed. */
  sendAudio(pcm: Uint8Array, rate: number): void {
    this.send(audioInputMessage(pcm, rate));
  }

  sendToolResponse(responses: readonly FunctionResponse[]): void {
    this.send(toolResponseMessage(responses));
  }

  /** What the server says, in order, until the socket closes. */
  async *events(): AsyncGenerator<LiveEvent, void, undefined> {
    for (let event = await this.next(); event; event = await this.next()) yield event;
  }

  /** Closes the socket (normal closure). */
  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING)
      this.ws.close(1000);
  }

  private send(message: object): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  private async next(): Promise<LiveEvent | undefined> {
    while (!this.queue.length && !this.ended)
      await new Promise<void>((resolve) => (this.wake = resolve));
    const event = this.queue.shift();
    if (!event && this.failure) throw this.failure;
    return event;
  }

  private receive(data: RawData): void {
    const text = Array.isArray(data)
      ? Buffer.concat(data).toString('utf8')
      : Buffer.isBuffer(data)
        ? data.toString('utf8')
        : Buffer.from(data).toString('utf8');
    try {
      this.queue.push(...parseServerMessage(text));
    } catch (error) {
      this.failure ??= error instanceof Error ? error : new LiveSessionError(String(error));
      this.ws.close(1002, 'protocol error');
    }
    this.wake?.();
  }

  private finish(): void {
    this.ended = true;
    this.wake?.();
  }
}
