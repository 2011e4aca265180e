import { toSamples } from '../format/pcmBytes';
import { assertSampleRate, FRAME_MS, type SampleRate } from '../format/sampleRate';
import { PacerClock } from './pacerClock';
import type {
  ClearReport,
  EnqueueOptions,
  PacerOptions,
  PacerStats,
  PacerTick,
} from './pacerTypes';
import { UtteranceQueue } from './utteranceQueue';

/**
 * The pure outbound pacer: a queue of agent audio and the anchored real-time
 * schedule it leaves on, one frame per frame period. Time is an input; a
 * driver (see {@link PacerDriver}) asks {@link OutboundPacer.nextDueMs} when to
 * wake and calls {@link OutboundPacer.tick} then.
 */
export class OutboundPacer {
  readonly rate: SampleRate;
  readonly frameMs: number;
  private readonly clock: PacerClock;
  private readonly queue: UtteranceQueue;
  private readonly counters: PacerStats = {
    framesSent: 0,
    underruns: 0,
    lateReanchors: 0,
    staleChunksDropped: 0,
    clears: 0,
  };

  /** @throws {@link AudioFormatError} for an unsupported rate. */
  constructor(options: PacerOptions) {
    this.rate = assertSampleRate(options.rate);
    this.frameMs = options.frameMs ?? FRAME_MS;
    this.clock = new PacerClock(this.frameMs, options.maxLagMs ?? 60);
    this.queue = new UtteranceQueue(this.rate, this.frameMs);
  }

  /** A snapshot of the counters. */
  get stats(): PacerStats {
    return { ...this.counters };
  }

  /** Audio waiting to be sent, in ms (whole frames). */
  get queuedMs(): number {
    return this.queue.length * this.frameMs;
  }

  /**
   * Queues agent audio (samples or 16-bit little-endian bytes, any length).
   * Returns false, dropping it, when its utterance was already cleared.
   *
   * @throws {@link AudioFormatError} for an odd byte count.
   */
  enqueue(pcm: Int16Array | Uint8Array, options: EnqueueOptions): boolean {
    const accepted = this.queue.add(toSamples(pcm), options);
    if (!accepted) this.counters.staleChunksDropped++;
    return accepted;
  }

  /** When {@link OutboundPacer.tick} next has work, or `undefined` when idle. */
  nextDueMs(nowMs: number): number | undefined {
    if (this.queue.hasProgress) return nowMs;
    const due = this.clock.nextDueMs();
    if (due !== undefined) return due;
    return this.queue.length > 0 ? nowMs : undefined;
  }

  /** Sends the frame due at `nowMs`, if any, and reports completed utterances. */
  tick(nowMs: number): PacerTick {
    if (!this.clock.isDue(nowMs)) return { progress: this.queue.takeProgress() };
    if (this.queue.length === 0) {
      if (this.clock.anchored && this.queue.midUtterance) this.counters.underruns++;
      this.clock.reset();
      return { progress: this.queue.takeProgress() };
    }
    const slot = this.clock.advance(nowMs);
    if (slot.reanchored) this.counters.lateReanchors++;
    const queued = this.queue.shift()!;
    const frame = {
      samples: queued.samples,
      utteranceId: queued.utteranceId,
      seq: this.counters.framesSent++,
      dueMs: slot.dueMs,
      endOfUtterance: queued.last,
    };
    return { frame, progress: this.queue.takeProgress() };
  }

  /** Barge-in: drops everything queued at once and reports what each utterance had played. */
  clear(): ClearReport {
    this.counters.clears++;
    this.clock.reset();
    return this.queue.clear();
  }
}
