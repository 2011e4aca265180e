import { EventQueue } from '../eventQueue';
import type { RecognitionStream, SpeechRecognizer } from '../recognition';

/** 20 ms of 16 kHz audio. */
const FRAME_MS = 20;

/**
 * A benchmarking engine that recognises nothing: each stream yields one final with a fixed
 * transcript the moment it is ended (end of the caller's turn), whatever the audio. With it, a
 * turn's time from end of speech to transcript is the platform's own, not an engine's, so a
 * benchmark can measure the platform overhead per turn (`STT_ENGINE=instant`). Never a default.
 */
export class InstantRecognizer implements SpeechRecognizer {
  readonly engine = 'instant';
  readonly streamsPartials = false;
  private opened = 0;
  private closed = false;

  constructor(
    /** The transcript every turn gets. */
    private readonly transcript: string,
  ) {}

  open(): RecognitionStream {
    const queue = new EventQueue();
    let frames = 0;
    let ended = false;
    this.opened += 1;
    return {
      id: `instant-${this.opened}`,
      events: queue,
      write: () => {
        if (ended || this.closed) return false;
        frames += 1;
        return true;
      },
      end: () => {
        if (ended) return;
        ended = true;
        queue.push({
          type: 'final',
          text: this.transcript,
          confidence: 1,
          startMs: 0,
          endMs: frames * FRAME_MS,
          words: [],
        });
        queue.close();
      },
      cancel: () => {
        ended = true;
        queue.close();
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  healthy(): boolean {
    return !this.closed;
  }
}
