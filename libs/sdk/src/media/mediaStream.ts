import type { ClientDuplexStream } from '@grpc/grpc-js';
import type {
  StreamMediaRequest,
  StreamMediaResponse,
  TerminationReason as ProtoTerminationReason,
} from '@warmline/contracts';
import type { Channel } from '../transport/channel';

/** What one media stream reports. */
export interface MediaStreamHandlers {
  audio(pcm: Uint8Array): void;
  pull(bytes: number): void;
  cleared(bytesDropped: number): void;
  /** MediaEnd: the call ended or the agent left. */
  end(reason: ProtoTerminationReason): void;
  /** The RPC finished by itself: `error` is its status, undefined when it ended cleanly. */
  finished(error: unknown): void;
}

/** One StreamMedia RPC for one call: open, then audio both ways, pulls and clears. */
export class MediaStream {
  private readonly call: ClientDuplexStream<StreamMediaRequest, StreamMediaResponse>;
  private done = false;

  constructor(
    channel: Channel,
    callId: string,
    sampleRate: number,
    private readonly handlers: MediaStreamHandlers,
  ) {
    this.call = channel.client.streamMedia(channel.metadata());
    this.call.on('data', (response: StreamMediaResponse) => this.dispatch(response));
    this.call.on('error', (error: unknown) => this.finish(error));
    this.call.on('end', () => this.finish(undefined));
    this.write({ $case: 'open', value: { callId, sampleRate } });
  }

  /** Whether the RPC is still running. */
  get active(): boolean {
    return !this.done;
  }

  /** Sends a message; false when the transport wants a pause (wait for {@link onDrain}) or the RPC is over. */
  write(message: NonNullable<StreamMediaRequest['message']>): boolean {
    if (this.done) return false;
    return this.call.write({ message });
  }

  /** Calls `listener` once the transport can take more. */
  onDrain(listener: () => void): void {
    this.call.once('drain', listener);
  }

  /** Ends the RPC from this side; no `finished` report follows. */
  cancel(): void {
    if (this.done) return;
    this.done = true;
    this.call.cancel();
  }

  private finish(error: unknown): void {
    if (this.done) return;
    this.done = true;
    this.handlers.finished(error);
  }

  private dispatch(response: StreamMediaResponse): void {
    if (this.done) return;
    const message = response.message;
    switch (message?.$case) {
      case 'audio':
        this.handlers.audio(message.value.pcm);
        return;
      case 'pull':
        this.handlers.pull(message.value.bytes);
        return;
      case 'cleared':
        this.handlers.cleared(message.value.bytesDropped);
        return;
      case 'end':
        this.handlers.end(message.value.reason);
        return;
      case undefined:
        return;
      default: {
        const _newer: never = message;
        return;
      }
    }
  }
}
