/** The schedule slot a frame was sent in. */
export interface ClockSlot {
  /** When the frame was due. */
  dueMs: number;
  /** How late it is being sent (now − due). */
  lateMs: number;
  /** The pacer was more than the lag bound behind, so the schedule restarted at now. */
  reanchored: boolean;
}

/**
 * The pure outbound schedule: frame n after the anchor is due at
 * anchor + n × frameMs, so timer lateness never accumulates. A late wake-up
 * sends the one due frame and leaves the next slots where they were (the pacer
 * catches up, dropping no time); only when more than `maxLagMs` behind does it
 * re-anchor at the wake-up.
 */
export class PacerClock {
  private anchorMs: number | undefined;
  private slots = 0;

  constructor(
    readonly frameMs: number,
    readonly maxLagMs: number,
  ) {}

  /** True while a stream of frames is being timed. */
  get anchored(): boolean {
    return this.anchorMs !== undefined;
  }

  /** When the next frame is due, or `undefined` when not anchored (the next frame goes at once). */
  nextDueMs(): number | undefined {
    return this.anchorMs === undefined ? undefined : this.anchorMs + this.slots * this.frameMs;
  }

  /** True when a frame may be sent at `nowMs`. */
  isDue(nowMs: number): boolean {
    const due = this.nextDueMs();
    return due === undefined || nowMs >= due;
  }

  /** Takes the next slot for a frame sent at `nowMs` (anchoring if needed). */
  advance(nowMs: number): ClockSlot {
    const due = this.nextDueMs();
    if (due === undefined || nowMs - due > this.maxLagMs) {
      const lateMs = due === undefined ? 0 : nowMs - due;
      this.anchorMs = nowMs;
      this.slots = 1;
      return { dueMs: nowMs, lateMs, reanchored: due !== undefined };
    }
    this.slots++;
    return { dueMs: due, lateMs: nowMs - due, reanchored: false };
  }

  /** Stops timing; the next frame anchors a new schedule. */
  reset(): void {
    this.anchorMs = undefined;
    this.slots = 0;
  }
}
