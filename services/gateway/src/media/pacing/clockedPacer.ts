import {
  type ClearReport,
  type EnqueueOptions,
  monotonicNowMs,
  OutboundPacer,
  PacerStoppedError,
} from '@warmline/audio';
import type { ClockMember, MediaClock } from '../clock/mediaClock';
import type { OutboundPacing, PacerFactory, PacingCallbacks } from './outboundPacing';

/**
 * The pure {@link OutboundPacer} driven by the process-wide {@link MediaClock}
 * instead of a timer of its own: anchored 20 ms schedule, no bursts, no drift,
 * barge-in `clear()`.
 */
export class ClockedPacer implements OutboundPacing, ClockMember {
  private readonly pacer: OutboundPacer;
  private stopped = false;

  constructor(
    private readonly clock: MediaClock,
    rate: number,
    private readonly callbacks: PacingCallbacks,
    private readonly now: () => number = monotonicNowMs,
  ) {
    this.pacer = new OutboundPacer({ rate });
  }

  get queuedMs(): number {
    return this.pacer.queuedMs;
  }

  /** @throws {@link PacerStoppedError} after {@link ClockedPacer.stop}. */
  enqueue(pcm: Int16Array, options: EnqueueOptions): boolean {
    if (this.stopped) throw new PacerStoppedError();
    const accepted = this.pacer.enqueue(pcm, options);
    this.arm();
    return accepted;
  }

  clear(): ClearReport {
    const report = this.pacer.clear();
    for (const progress of report.utterances) this.callbacks.onProgress(progress);
    this.arm();
    return report;
  }

  stop(): void {
    this.stopped = true;
    this.clock.cancel(this);
  }

  tick(nowMs: number): number | undefined {
    if (this.stopped) return undefined;
    const tick = this.pacer.tick(nowMs);
    if (tick.frame) this.callbacks.onFrame(tick.frame, nowMs - tick.frame.dueMs);
    for (const progress of tick.progress) this.callbacks.onProgress(progress);
    return this.stopped ? undefined : this.pacer.nextDueMs(this.now());
  }

  private arm(): void {
    const due = this.pacer.nextDueMs(this.now());
    if (due === undefined) this.clock.cancel(this);
    else this.clock.schedule(this, due);
  }
}

/** Pacers that share one clock (the default: one timer per gateway process). */
export const clockedPacers =
  (clock: MediaClock): PacerFactory =>
  (rate, callbacks) =>
    new ClockedPacer(clock, rate, callbacks);
