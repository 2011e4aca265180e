import type { SampleRate } from '@warmline/audio';
import type { StreamDialect } from '../carriers/stream/streamEvent';
import type { PayloadCodec } from '../media/codecs/payloadCodec';
import type { MediaTransport } from '../media/mediaTransport';
import type { StreamSocket } from './streamSocket';

/** A carrier WebSocket stream as a media transport: PCM out is encoded, wrapped in the carrier's JSON and sent. */
export class StreamMediaTransport implements MediaTransport {
  readonly rate: SampleRate;
  readonly confirmsPlayback = true;

  constructor(
    private readonly socket: StreamSocket,
    private readonly dialect: StreamDialect,
    readonly codec: PayloadCodec,
    private readonly streamId: string,
  ) {
    this.rate = codec.rate;
  }

  sendAudio(samples: Int16Array): void {
    this.socket.send(
      this.dialect.serialize({ kind: 'media', payload: this.codec.encode(samples) }, this.streamId),
    );
  }

  sendMark(name: string): void {
    this.socket.send(this.dialect.serialize({ kind: 'mark', name }, this.streamId));
  }

  sendClear(): void {
    this.socket.send(this.dialect.serialize({ kind: 'clear' }, this.streamId));
  }
}
