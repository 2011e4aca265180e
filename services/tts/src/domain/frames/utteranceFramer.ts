import { FrameChunker, FRAME_MS, type SampleRate } from '@warmline/audio';

/** One outbound frame of an utterance, before it becomes an `AudioFrame`. */
export interface UtteranceFrame {
  /** 0 for the utterance's first frame, then 1, 2, ... */
  readonly sequence: number;
  /** Media time of the first sample since the utterance started: sequence × 20 ms. */
  readonly timestampMs: number;
  readonly pcm: Int16Array;
  /** The utterance's last frame (`end_of_utterance`). */
  readonly last: boolean;
}

/**
 * Cuts an utterance's PCM, arriving in chunks of any size, into exact 20 ms
 * frames numbered from 0. It holds back one frame so the last one can carry
 * the end-of-utterance mark; {@link UtteranceFramer.finish} pads the remainder
 * with silence (an utterance with no audio at all ends with one silent frame).
 */
export class UtteranceFramer {
  private readonly chunker: FrameChunker;
  private held: Int16Array | undefined;
  private next = 0;

  constructor(readonly sampleRate: SampleRate) {
    this.chunker = new FrameChunker(sampleRate);
  }

  /** Frames numbered so far. */
  get framesOut(): number {
    return this.next;
  }

  /** Adds PCM; returns the frames now known not to be the last. */
  push(pcm: Int16Array): UtteranceFrame[] {
    const out: UtteranceFrame[] = [];
    for (const frame of this.chunker.push(pcm)) {
      if (this.held) out.push(this.frame(this.held, false));
      this.held = frame;
    }
    return out;
  }

  /** Ends the utterance: the remaining frames, the last one marked. */
  finish(): UtteranceFrame[] {
    const tail = this.chunker.flush();
    const out: UtteranceFrame[] = [];
    if (this.held && tail) out.push(this.frame(this.held, false));
    const last = tail ?? this.held ?? new Int16Array(this.chunker.frameSamples);
    out.push(this.frame(last, true));
    this.held = undefined;
    return out;
  }

  private frame(pcm: Int16Array, last: boolean): UtteranceFrame {
    const sequence = this.next++;
    return { sequence, timestampMs: sequence * FRAME_MS, pcm, last };
  }
}
