import { PacerStoppedError } from '../errors';
import { monotonicNowMs } from './monotonicNow';
import { OutboundPacer } from './outboundPacer';
import type {
  ClearReport,
  EnqueueOptions,
  PacedFrame,
  PacerOptions,
  PacerStats,
  UtteranceProgress,
} from './pacerTypes';

/** Settings and callbacks of a {@link PacerDriver}. */
export interface PacerDriverOptions extends PacerOptions {
  /** Called for every frame, at its due time. A throw propagates, but pacing continues. */
  onFrame: (frame: PacedFrame) => void;
  /** Called once per utterance: when its last frame was sent, or when a clear cut it short. */
  onProgress?: (progress: UtteranceProgress) => void;
  /** The clock, in ms (default: monotonic `process.hrtime`). */
  now?: () => number;
}

/**
 * Runs an {@link OutboundPacer} on real timers: one `setTimeout` per due
 * frame, armed only while there is work, so an idle call costs nothing.
 */
export class PacerDriver {
  private readonly pacer: OutboundPacer;
  private readonly onFrame: (frame: PacedFrame) => void;
  private readonly onProgress: (progress: UtteranceProgress) => void;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private wakeAtMs = Infinity;
  private stopped = false;

  /** @throws {@link AudioFormatError} for an unsupported rate. */
  constructor(options: PacerDriverOptions) {
    this.pacer = new OutboundPacer(options);
    this.onFrame = options.onFrame;
    this.onProgress = options.onProgress ?? (() => undefined);
    this.now = options.now ?? monotonicNowMs;
  }

  /** A snapshot of the pacer's counters. */
  get stats(): PacerStats {
    return this.pacer.stats;
  }

  /** Audio waiting to be sent, in ms. */
  get queuedMs(): number {
    return this.pacer.queuedMs;
  }

  /**
   * Queues agent audio; it starts leaving at once if the pacer was idle.
   * Returns false when the utterance was already cleared (the chunk is dropped).
   *
   * @throws {@link PacerStoppedError} after {@link PacerDriver.stop}.
   */
  enqueue(pcm: Int16Array | Uint8Array, options: EnqueueOptions): boolean {
    if (this.stopped) throw new PacerStoppedError();
    const accepted = this.pacer.enqueue(pcm, options);
    this.arm();
    return accepted;
  }

  /**
   * Barge-in: drops all queued audio at once. Each utterance cut short is
   * reported to `onProgress` and in the returned report.
   */
  clear(): ClearReport {
    const report = this.pacer.clear();
    for (const progress of report.utterances) this.onProgress(progress);
    this.arm();
    return report;
  }

  /** Stops the timer for good; queued audio is abandoned without reports. */
  stop(): void {
    this.stopped = true;
    this.disarm();
  }

  private readonly wake = (): void => {
    this.timer = undefined;
    this.wakeAtMs = Infinity;
    if (this.stopped) return;
    try {
      const tick = this.pacer.tick(this.now());
      if (tick.frame) this.onFrame(tick.frame);
      for (const progress of tick.progress) this.onProgress(progress);
    } finally {
      this.arm(); // a throwing callback must not stop the audio
    }
  };

  private arm(): void {
    if (this.stopped) return;
    const now = this.now();
    const due = this.pacer.nextDueMs(now);
    if (due === undefined) {
      this.disarm();
      return;
    }
    if (this.timer && this.wakeAtMs <= due) return;
    this.disarm();
    this.wakeAtMs = due;
    this.timer = setTimeout(this.wake, Math.max(0, due - now));
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.wakeAtMs = Infinity;
  }
}
