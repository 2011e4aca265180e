import { MediaError } from '../errors/warmlineError';

/**
 * Caller audio waiting for the application: a bounded queue (the oldest chunks are dropped
 * when a reader falls behind by more than `maxBytes`) read by one async iterator at a time.
 * It holds audio from the moment media opens, so nothing is lost between `answer()` and the
 * first `audioStream()`. The iterator ends once the queue is drained after `end()`, or throws
 * the error given to `fail()`.
 */
export class AudioInbox {
  private readonly chunks: Uint8Array[] = [];
  private queuedBytes = 0;
  private finished = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private reading = false;

  constructor(
    private readonly maxBytes: number,
    private readonly callId: string,
    /** Told how many bytes were dropped when a reader fell behind. */
    private readonly onOverflow: (droppedBytes: number) => void,
  ) {}

  /** Bytes waiting to be read. */
  get size(): number {
    return this.queuedBytes;
  }

  /** Adds a chunk (ignored after end). */
  push(chunk: Uint8Array): void {
    if (this.finished || chunk.length === 0) return;
    this.chunks.push(chunk);
    this.queuedBytes += chunk.length;
    let dropped = 0;
    while (this.queuedBytes > this.maxBytes && this.chunks.length > 1) {
      const oldest = this.chunks.shift();
      dropped += oldest?.length ?? 0;
      this.queuedBytes -= oldest?.length ?? 0;
    }
    if (dropped > 0) this.onOverflow(dropped);
    this.signal();
  }

  /** No more audio will come: the reader finishes after what is queued. */
  end(): void {
    this.finished = true;
    this.signal();
  }

  /** Media failed: the reader gets what is queued, then `error`. */
  fail(error: Error): void {
    this.failure ??= error;
    this.end();
  }

  /**
   * The single reader.
   *
   * @throws {@link MediaError} when another reader is active
   */
  reader(): AsyncIterableIterator<Uint8Array> {
    if (this.reading)
      throw new MediaError('audioStream() already has an active reader', this.callId);
    this.reading = true;
    return this.iterate();
  }

  private async *iterate(): AsyncIterableIterator<Uint8Array> {
    try {
      for (;;) {
        const chunk = this.chunks.shift();
        if (chunk) {
          this.queuedBytes -= chunk.length;
          yield chunk;
          continue;
        }
        if (this.failure) throw this.failure;
        if (this.finished) return;
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
    } finally {
      this.reading = false;
    }
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
