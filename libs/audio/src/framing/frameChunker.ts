import { toSamples } from '../format/pcmBytes';
import { assertSampleRate, FRAME_MS, type SampleRate, samplesPerFrame } from '../format/sampleRate';

/**
 * Turns PCM of any length (TTS chunks, SDK `sendAudio` calls) into exact
 * 20 ms frames at one rate. Whatever does not fill a frame waits for the next
 * push; {@link FrameChunker.flush} pads it with silence.
 */
export class FrameChunker {
  readonly rate: SampleRate;
  /** Samples in every frame this chunker emits. */
  readonly frameSamples: number;
  private pending: Int16Array;
  private pendingLength = 0;

  /** @throws {@link AudioFormatError} for a rate other than 8000, 16000 or 24000. */
  constructor(rate: number, frameMs: number = FRAME_MS) {
    this.rate = assertSampleRate(rate);
    this.frameSamples = samplesPerFrame(this.rate, frameMs);
    this.pending = new Int16Array(this.frameSamples);
  }

  /** Samples held back because they do not yet fill a frame. */
  get pendingSamples(): number {
    return this.pendingLength;
  }

  /**
   * Adds PCM (samples, or 16-bit little-endian bytes) and returns every frame it completes.
   *
   * @throws {@link AudioFormatError} when given an odd number of bytes.
   */
  push(pcm: Int16Array | Uint8Array): Int16Array[] {
    const samples = toSamples(pcm);
    const frames: Int16Array[] = [];
    let offset = 0;
    if (this.pendingLength > 0) {
      const take = Math.min(this.frameSamples - this.pendingLength, samples.length);
      this.pending.set(samples.subarray(0, take), this.pendingLength);
      this.pendingLength += take;
      offset = take;
      if (this.pendingLength < this.frameSamples) return frames;
      frames.push(this.pending.slice());
      this.pendingLength = 0;
    }
    for (; offset + this.frameSamples <= samples.length; offset += this.frameSamples) {
      frames.push(samples.slice(offset, offset + this.frameSamples));
    }
    this.pending.set(samples.subarray(offset), 0);
    this.pendingLength = samples.length - offset;
    return frames;
  }

  /**
   * Emits the held-back remainder as one frame padded with silence, or
   * `undefined` when nothing is held back.
   */
  flush(): Int16Array | undefined {
    if (this.pendingLength === 0) return undefined;
    const frame = new Int16Array(this.frameSamples);
    frame.set(this.pending.subarray(0, this.pendingLength));
    this.pendingLength = 0;
    return frame;
  }

  /** Drops the held-back remainder; returns how many samples were dropped. */
  clear(): number {
    const dropped = this.pendingLength;
    this.pendingLength = 0;
    return dropped;
  }
}
