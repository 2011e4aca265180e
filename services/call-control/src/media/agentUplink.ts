import {
  FRAME_MS,
  FrameChunker,
  type PacedFrame,
  PacerDriver,
  Resampler,
  bytesPerFrame,
  pcmFromBytes,
  pcmToBytes,
} from '@warmline/audio';
import type { AudioFrame } from '@warmline/contracts';
import { asBuffer } from './asBuffer';
import { PullCredit } from './pullCredit';

/** The rate agent audio travels at on the bus (`media.<callId>.out`). */
export const BUS_RATE = 16_000;

/** What an {@link AgentUplink} needs. */
export interface AgentUplinkOptions {
  readonly callId: string;
  /** The client's rate: 8000, 16000 or 24000. */
  readonly rate: 8000 | 16000 | 24000;
  /** How much audio the platform keeps buffered ahead of playout. */
  readonly bufferMs: number;
  readonly newId: () => string;
  /** ms since the epoch, stamped on frames as their ingress time. */
  readonly clock: () => number;
  /** Sends one paced 20 ms frame to the gateway. */
  readonly publish: (frame: AudioFrame) => void;
  /** Asks the client for this many more bytes (MediaPull). */
  readonly pull: (bytes: number) => void;
}

/** Why agent audio was refused. */
export type UplinkRefusal = 'ODD_BYTE_COUNT' | 'NOT_PULLED';

/**
 * Agent audio on its way to the caller: the client's PCM is cut into 20 ms frames,
 * resampled to 16 kHz and queued in a bounded platform buffer that a real-time pacer
 * drains one frame every 20 ms onto the bus. The buffer is filled by pulling: the client
 * may send only what a MediaPull asked for, and the platform asks again as frames leave.
 * A clear drops everything queued here and tells the gateway to drop what it holds.
 */
export class AgentUplink {
  private readonly chunker: FrameChunker;
  private readonly resampler: Resampler;
  private readonly pacer: PacerDriver;
  private readonly credit: PullCredit;
  private readonly bytesPerMs: number;
  private utteranceId: string;
  private utteranceOpen = false;

  constructor(private readonly options: AgentUplinkOptions) {
    this.chunker = new FrameChunker(options.rate);
    this.resampler = new Resampler(options.rate, BUS_RATE);
    this.pacer = new PacerDriver({ rate: BUS_RATE, onFrame: (frame) => this.send(frame) });
    this.bytesPerMs = (options.rate * 2) / 1000;
    const frameBytes = bytesPerFrame(options.rate);
    this.credit = new PullCredit(Math.round(options.bufferMs * this.bytesPerMs), frameBytes);
    this.utteranceId = options.newId();
  }

  /** Agent audio queued on the platform, in bytes at the client's rate. */
  get bufferedBytes(): number {
    return Math.round(this.pacer.queuedMs * this.bytesPerMs) + this.chunker.pendingSamples * 2;
  }

  /** Asks for audio if the buffer has room (call once the stream opens). */
  refill(): void {
    const bytes = this.credit.next(this.bufferedBytes);
    if (bytes > 0) this.options.pull(bytes);
  }

  /** Queues agent audio; refuses malformed audio or audio nobody pulled, queueing none of it. */
  push(pcm: Uint8Array): UplinkRefusal | null {
    if (pcm.length % 2 !== 0) return 'ODD_BYTE_COUNT';
    if (!this.credit.take(pcm.length)) return 'NOT_PULLED';
    if (!this.utteranceOpen) {
      this.utteranceId = this.options.newId();
      this.utteranceOpen = true;
    }
    for (const frame of this.chunker.push(pcmFromBytes(pcm))) this.enqueue(frame);
    return null;
  }

  /** Barge-in: drops all queued audio; returns the bytes dropped (at the client's rate). */
  clear(): number {
    const dropped = this.bufferedBytes;
    this.pacer.clear();
    this.chunker.clear();
    this.resampler.reset();
    this.utteranceOpen = false;
    this.refill();
    return dropped;
  }

  /** Stops pacing for good; queued audio is abandoned. */
  stop(): void {
    this.pacer.stop();
  }

  private enqueue(frame: Int16Array): void {
    this.pacer.enqueue(this.resampler.process(frame), { utteranceId: this.utteranceId });
  }

  private send(frame: PacedFrame): void {
    // A remainder shorter than a frame would wait for more audio forever: send it padded.
    if (this.pacer.queuedMs === 0) {
      const tail = this.chunker.flush();
      if (tail) this.enqueue(tail);
    }
    const last = this.pacer.queuedMs === 0;
    this.options.publish({
      callId: this.options.callId,
      sampleRate: BUS_RATE,
      sequence: frame.seq,
      timestampMs: frame.seq * FRAME_MS,
      pcm: asBuffer(pcmToBytes(frame.samples)),
      utteranceId: frame.utteranceId,
      endOfUtterance: last,
      ingressAtMs: this.options.clock(),
    });
    if (last) this.utteranceOpen = false;
    this.refill();
  }
}
