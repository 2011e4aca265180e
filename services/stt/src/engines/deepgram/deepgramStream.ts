import { pcmToBytes } from '@warmline/audio';
import WebSocket, { type RawData } from 'ws';
import { RecognizerProtocolError, RecognizerUnavailableError } from '../../errors';
import { EventQueue } from '../eventQueue';
import type { RecognitionEvent, RecognitionStream } from '../recognition';
import { deepgramEvent } from './deepgramMessages';
import { deepgramListenUrl, type DeepgramOptions } from './deepgramOptions';

/** The documented message that asks Deepgram to flush and close the stream. */
export const CLOSE_STREAM = JSON.stringify({ type: 'CloseStream' });

const retryableStatus = (status: number): boolean => status === 429 || status >= 500;

/**
 * One Deepgram live-streaming WebSocket: binary linear16 frames up, JSON
 * results down. Frames written before the socket opens wait in a bounded
 * buffer; `end()` sends `CloseStream` and the events end when Deepgram closes.
 */
export class DeepgramStream implements RecognitionStream {
  private readonly queue = new EventQueue();
  private readonly socket: WebSocket;
  private readonly waiting: Uint8Array[] = [];
  private ended = false;

  constructor(
    readonly id: string,
    private readonly options: DeepgramOptions,
    /** Called once the socket has closed. */
    onClosed: () => void = () => undefined,
  ) {
    this.socket = new WebSocket(deepgramListenUrl(options), {
      headers: { Authorization: `Token ${options.apiKey}` },
    });
    this.socket.on('open', () => this.flush());
    this.socket.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) this.onText(rawText(data));
    });
    this.socket.on('unexpected-response', (_request, response) => {
      const status = response.statusCode ?? 0;
      this.fail(
        new RecognizerUnavailableError(
          `Deepgram refused the stream: HTTP ${status}`,
          'deepgram',
          retryableStatus(status),
        ),
      );
      this.socket.terminate();
    });
    this.socket.on('error', (cause) =>
      this.fail(
        new RecognizerUnavailableError('Deepgram connection failed', 'deepgram', true, { cause }),
      ),
    );
    this.socket.on('close', (code) => {
      if (!this.ended && code !== 1000) {
        this.fail(
          new RecognizerUnavailableError(
            `Deepgram closed the stream early (${code})`,
            'deepgram',
            true,
          ),
        );
      }
      this.queue.close();
      onClosed();
    });
  }

  get events(): AsyncIterable<RecognitionEvent> {
    return this.queue;
  }

  write(frame: Int16Array): boolean {
    if (this.ended || this.queue.isClosed) return false;
    const bytes = pcmToBytes(frame);
    if (this.socket.readyState === WebSocket.CONNECTING) {
      this.waiting.push(bytes);
      if (this.waiting.length > this.options.maxBufferedFrames) this.waiting.shift();
      return true;
    }
    if (
      this.socket.readyState !== WebSocket.OPEN ||
      this.socket.bufferedAmount > this.options.maxPendingBytes
    )
      return false;
    this.socket.send(bytes);
    return true;
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(CLOSE_STREAM);
  }

  cancel(): void {
    this.ended = true;
    this.socket.terminate();
    this.queue.close();
  }

  private flush(): void {
    for (const bytes of this.waiting.splice(0)) this.socket.send(bytes);
    if (this.ended) this.socket.send(CLOSE_STREAM);
  }

  private onText(text: string): void {
    try {
      const event = deepgramEvent(text);
      if (event) this.queue.push(event);
    } catch (error) {
      if (error instanceof RecognizerProtocolError) this.fail(error);
      else throw error;
    }
  }

  private fail(error: RecognizerUnavailableError | RecognizerProtocolError): void {
    if (this.queue.isClosed) return;
    this.queue.push({ type: 'error', error });
    this.queue.close();
  }
}

const rawText = (data: RawData): string => {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
};
