import type { ServerDuplexStream } from '@grpc/grpc-js';
import {
  type StreamMediaRequest,
  type StreamMediaResponse,
  TerminationReason,
} from '@warmline/contracts';

/** One SDK media stream as the test double sees it. */
export class DoubleMedia {
  callId: string | undefined;
  sampleRate: number | undefined;
  /** Agent audio received, one entry per MediaAudio. */
  readonly received: Buffer[] = [];
  clears = 0;
  ended = false;
  /** What the double answers a clear with (MediaCleared.bytesDropped). */
  bytesDroppedOnClear = 0;

  constructor(
    private readonly stream: ServerDuplexStream<StreamMediaRequest, StreamMediaResponse>,
    private readonly onOpen: (media: DoubleMedia) => void,
  ) {
    stream.on('data', (request: StreamMediaRequest) => this.receive(request));
    stream.on('error', () => (this.ended = true));
    stream.on('end', () => (this.ended = true));
    stream.on('cancelled', () => (this.ended = true));
  }

  /** Total agent audio received, in bytes. */
  get receivedBytes(): number {
    return this.received.reduce((sum, chunk) => sum + chunk.length, 0);
  }

  /** Asks the SDK for `bytes` more agent audio. */
  pull(bytes: number): void {
    this.write({ $case: 'pull', value: { bytes } });
  }

  /** Sends caller audio. */
  sendAudio(pcm: Buffer): void {
    this.write({ $case: 'audio', value: { pcm } });
  }

  /** MediaEnd, then the end of the RPC. */
  end(reason: TerminationReason = TerminationReason.TERMINATION_REASON_CALLER_HUNG_UP): void {
    this.write({ $case: 'end', value: { reason } });
    this.ended = true;
    this.stream.end();
  }

  /** Fails the RPC with a status. */
  fail(code: number, details: string): void {
    this.ended = true;
    this.stream.emit('error', { code, details });
  }

  private write(message: NonNullable<StreamMediaResponse['message']>): void {
    if (!this.ended) this.stream.write({ message });
  }

  private receive(request: StreamMediaRequest): void {
    const message = request.message;
    switch (message?.$case) {
      case 'open':
        this.callId = message.value.callId;
        this.sampleRate = message.value.sampleRate;
        this.onOpen(this);
        return;
      case 'audio':
        if (message.value.pcm.length % 2 !== 0) {
          this.fail(3, 'odd byte count');
          return;
        }
        this.received.push(message.value.pcm);
        return;
      case 'clear':
        this.clears++;
        this.write({ $case: 'cleared', value: { bytesDropped: this.bytesDroppedOnClear } });
        return;
      case undefined:
        return;
    }
  }
}
