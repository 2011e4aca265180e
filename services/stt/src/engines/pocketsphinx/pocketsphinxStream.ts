import { RecognitionStreamError, type RecognizerUnavailableError } from '../../errors';
import { matchHumanRequest } from '../../domain/keywords/humanRequest';
import { EventQueue } from '../eventQueue';
import type { RecognitionEvent, RecognitionStream } from '../recognition';
import {
  encodeAudio,
  encodeSidecarMessage,
  SidecarKind,
  type SidecarMessage,
} from './sidecarProtocol';

/** What a stream needs from its recognizer. */
export interface StreamHost {
  send(message: Buffer, droppable: boolean): boolean;
  release(stream: number): void;
}

/** One pocketsphinx utterance stream multiplexed over the shared sidecar. */
export class PocketsphinxStream implements RecognitionStream {
  readonly id: string;
  private readonly queue = new EventQueue();
  private ended = false;
  private droppedFrames = 0;

  constructor(
    private readonly stream: number,
    private readonly host: StreamHost,
    channel: 'wideband' | 'telephone',
  ) {
    this.id = `pocketsphinx-${stream}`;
    host.send(
      encodeSidecarMessage(SidecarKind.open, stream, Buffer.from(JSON.stringify({ channel }))),
      false,
    );
  }

  get events(): AsyncIterable<RecognitionEvent> {
    return this.queue;
  }

  /** Frames refused because the sidecar's pipe was over its bound. */
  get dropped(): number {
    return this.droppedFrames;
  }

  write(frame: Int16Array): boolean {
    if (this.ended) return false;
    const sent = this.host.send(encodeAudio(this.stream, frame), true);
    if (!sent) this.droppedFrames += 1;
    return sent;
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (!this.host.send(encodeSidecarMessage(SidecarKind.end, this.stream), false)) {
      this.fail(
        new RecognitionStreamError(
          'the sidecar is not running; the utterance is lost',
          'pocketsphinx',
        ),
      );
    }
  }

  cancel(): void {
    if (this.queue.isClosed) return;
    this.ended = true;
    this.host.send(encodeSidecarMessage(SidecarKind.cancel, this.stream), false);
    this.queue.close();
    this.host.release(this.stream);
  }

  /** Routes one sidecar message addressed to this stream. */
  deliver(message: SidecarMessage): void {
    switch (message.type) {
      case 'partial':
        this.queue.push({ type: 'partial', text: message.text, audioMs: message.audioMs });
        return;
      case 'final': {
        const keywordHit = message.keywordHit ?? matchHumanRequest(message.text);
        this.queue.push({
          type: 'final',
          text: message.text,
          confidence: message.confidence,
          startMs: message.startMs,
          endMs: message.endMs,
          words: message.words,
          ...(keywordHit ? { keywordHit } : {}),
        });
        this.finish();
        return;
      }
      case 'error':
        this.fail(
          new RecognitionStreamError(`${message.code}: ${message.message}`, 'pocketsphinx'),
        );
        return;
      case 'closed':
        this.finish();
        return;
      case 'ready':
      case 'pong':
        return;
      default: {
        const never: never = message;
        return never;
      }
    }
  }

  /** Ends the stream with an error event (the sidecar died, or refused the stream). */
  fail(error: RecognizerUnavailableError | RecognitionStreamError): void {
    this.ended = true;
    this.queue.push({ type: 'error', error });
    this.finish();
  }

  private finish(): void {
    this.queue.close();
    this.host.release(this.stream);
  }
}
