import type { TerminationReason as ProtoTerminationReason } from '@warmline/contracts';
import type { SampleRate } from '../config/sampleRate';
import { type BackoffPolicy, backoffDelayMs } from '../domain/backoff';
import { PullCredit } from '../domain/pullCredit';
import { SendAudioBuffer } from '../domain/sendAudioBuffer';
import { BufferClosedError } from '../errors/bufferErrors';
import { MediaError } from '../errors/warmlineError';
import { type WarmlineLogger, describeError } from '../logger';
import type { Channel } from '../transport/channel';
import { errorFromStatus, isPermanentStatus, statusOf } from '../transport/grpcErrors';
import { AudioInbox } from './audioInbox';
import { ClearAcks } from './clearAcks';
import { MediaStream } from './mediaStream';

/** The largest agent-audio message sent at once. */
const MAX_CHUNK_BYTES = 32 * 1024;

/** What a call's media needs. */
export interface MediaOptions {
  readonly channel: Channel;
  readonly callId: string;
  readonly sampleRate: SampleRate;
  readonly logger: WarmlineLogger;
  readonly backoff: BackoffPolicy;
  readonly random: () => number;
  readonly sendBufferBytes: number;
  readonly receiveBufferBytes: number;
  /** How long a clear waits for the platform's acknowledgement. */
  readonly clearTimeoutMs: number;
  /** The platform ended the media: the call ended or the agent left. */
  readonly onEnded: (reason: ProtoTerminationReason) => void;
}

/**
 * A call's media, kept open until the call ends: caller audio into an {@link AudioInbox};
 * agent audio from a bounded {@link SendAudioBuffer}, sent only as far as the platform pulled
 * it; clears local and remote. A lost stream is reopened with backoff (the buffers survive);
 * a refused one fails the media with {@link MediaError}.
 */
export class MediaConnection {
  private readonly buffer: SendAudioBuffer;
  private readonly credit = new PullCredit();
  private readonly inbox: AudioInbox;
  private readonly clears: ClearAcks;
  private stream: MediaStream | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private stopped = false;
  private draining = false;
  private failure: MediaError | undefined;

  constructor(private readonly options: MediaOptions) {
    const { callId, logger } = options;
    this.buffer = new SendAudioBuffer(options.sendBufferBytes);
    this.inbox = new AudioInbox(options.receiveBufferBytes, callId, (droppedBytes) =>
      logger.warn('caller audio dropped: nobody reads audioStream() fast enough', {
        callId,
        droppedBytes,
      }),
    );
    this.clears = new ClearAcks(options.clearTimeoutMs);
  }

  /** Agent audio queued locally, in bytes. */
  get bufferedBytes(): number {
    return this.buffer.size;
  }

  /** Opens the media stream. */
  open(): void {
    if (!this.stopped && !this.stream) this.openStream();
  }

  /**
   * Queues agent audio; it leaves as the platform pulls it.
   *
   * @throws {@link MediaError} when media failed; {@link BufferClosedError}; {@link BufferFullError}
   */
  send(pcm: Uint8Array): void {
    if (this.failure) throw this.failure;
    this.buffer.write(pcm);
    this.pump();
  }

  /** Drops queued agent audio here and on the platform; resolves with the bytes dropped in all. */
  async clear(): Promise<number> {
    const local = this.buffer.clear();
    const stream = this.stream;
    if (this.stopped || !stream?.active) return local;
    const acknowledged = this.clears.wait();
    stream.write({ $case: 'clear', value: {} });
    const remote = await acknowledged;
    if (remote === undefined) {
      this.options.logger.warn('clear not acknowledged by the platform', {
        callId: this.options.callId,
      });
    }
    return local + (remote ?? 0);
  }

  /** The caller's audio (one reader at a time). */
  audioStream(): AsyncIterableIterator<Uint8Array> {
    return this.inbox.reader();
  }

  /** Stops for good: sending fails with `reason`, audioStream() finishes after what is queued. */
  stop(reason: BufferClosedError): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.stream?.cancel();
    this.stream = undefined;
    this.buffer.close(reason);
    this.clears.abandonAll();
    this.inbox.end();
  }

  private openStream(): void {
    const { channel, callId, sampleRate } = this.options;
    const stream: MediaStream = new MediaStream(channel, callId, sampleRate, {
      audio: (pcm) => this.inbox.push(pcm),
      pull: (bytes) => {
        this.attempt = 0;
        this.credit.grant(bytes);
        this.pump();
      },
      cleared: (bytesDropped) => this.clears.ack(bytesDropped),
      end: (reason) => this.onEnd(stream, reason),
      finished: (error) => this.onLost(stream, error),
    });
    this.stream = stream;
    this.draining = false;
    this.credit.reset();
  }

  private pump(): void {
    const stream = this.stream;
    if (!stream?.active || this.draining) return;
    for (;;) {
      const bytes = this.credit.nextChunk(this.buffer.size, MAX_CHUNK_BYTES);
      if (bytes === 0) return;
      const pcm = this.buffer.read(bytes);
      this.credit.spend(bytes);
      const more = stream.write({
        $case: 'audio',
        value: { pcm: Buffer.from(pcm.buffer, pcm.byteOffset, pcm.length) },
      });
      if (!more) {
        this.draining = true;
        stream.onDrain(() => {
          this.draining = false;
          this.pump();
        });
        return;
      }
    }
  }

  private onEnd(stream: MediaStream, reason: ProtoTerminationReason): void {
    if (stream !== this.stream || this.stopped) return;
    this.options.logger.info('media ended', { callId: this.options.callId, reason });
    this.stop(new BufferClosedError('the send buffer is closed: the call has ended'));
    this.options.onEnded(reason);
  }

  private onLost(stream: MediaStream, error: unknown): void {
    if (stream !== this.stream || this.stopped) return;
    this.stream = undefined;
    this.clears.abandonAll();
    const { callId, logger } = this.options;
    if (isPermanentStatus(statusOf(error))) {
      const failure = errorFromStatus(error, { kind: 'media', callId });
      this.failure =
        failure instanceof MediaError
          ? failure
          : new MediaError(failure.message, callId, { cause: failure });
      logger.error('media refused', { callId, error: describeError(error) });
      this.inbox.fail(this.failure);
      this.stop(
        new BufferClosedError('the send buffer is closed: media failed', { cause: this.failure }),
      );
      return;
    }
    const delayMs = backoffDelayMs(this.attempt++, this.options.backoff, this.options.random());
    logger.warn('media lost; reconnecting', {
      callId,
      attempt: this.attempt,
      delayMs,
      error: error === undefined ? 'ended by the platform' : describeError(error),
    });
    this.retryTimer = setTimeout(() => this.openStream(), delayMs);
  }
}
