import { monotonicNowMs } from '@warmline/audio';
import { MinHeap } from './minHeap';

/** Something the clock wakes: it does its due work and says when it next needs waking. */
export interface ClockMember {
  /** Called at (or just after) the due time; returns the next due time, or `undefined` when idle. */
  tick(nowMs: number): number | undefined;
}

/** Options of a {@link MediaClock}. */
export interface MediaClockOptions {
  /** Monotonic ms clock (default `process.hrtime`). */
  now?: () => number;
  /** A member due within this many ms of a wake-up is served in it (default 0.5). */
  toleranceMs?: number;
  /** Called when a member's tick throws; the member is unscheduled. */
  onError?: (error: unknown) => void;
}

interface Entry {
  readonly due: number;
  readonly member: ClockMember;
  readonly generation: number;
}

/**
 * One timer for every call in a gateway process: members (outbound pacers,
 * inbound jitter buffers) say when they are next due, and a single
 * `setTimeout` wakes at the earliest due time and serves every member due
 * then. This replaces one timer per call, which degrades at a few hundred
 * calls, and batches the 20 ms work of calls that share a phase.
 */
export class MediaClock {
  private readonly now: () => number;
  private readonly tolerance: number;
  private readonly onError: (error: unknown) => void;
  private readonly heap = new MinHeap<Entry>();
  private readonly scheduled = new Map<ClockMember, { due: number; generation: number }>();
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerDue = Infinity;
  private stopped = false;
  private serving = false;

  constructor(options: MediaClockOptions = {}) {
    this.now = options.now ?? monotonicNowMs;
    this.tolerance = options.toleranceMs ?? 0.5;
    this.onError = options.onError ?? (() => undefined);
  }

  /** Members waiting for a wake-up. */
  get size(): number {
    return this.scheduled.size;
  }

  /** True while the clock's timer is armed. */
  get armed(): boolean {
    return this.timer !== undefined;
  }

  /** Wakes `member` at `dueMs` (replacing any earlier request). */
  schedule(member: ClockMember, dueMs: number): void {
    if (this.stopped) return;
    const current = this.scheduled.get(member);
    if (current?.due === dueMs) return;
    const generation = ++this.generation;
    this.scheduled.set(member, { due: dueMs, generation });
    this.heap.push({ due: dueMs, member, generation });
    if (!this.serving) this.arm();
  }

  /** Forgets `member`; it will not be woken until scheduled again. */
  cancel(member: ClockMember): void {
    if (!this.scheduled.delete(member)) return;
    if (this.scheduled.size === 0) this.disarm();
  }

  /** Stops for good: forgets every member and clears the timer. */
  stop(): void {
    this.stopped = true;
    this.scheduled.clear();
    this.heap.clear();
    this.disarm();
  }

  private readonly wake = (): void => {
    this.timer = undefined;
    this.timerDue = Infinity;
    this.serving = true;
    try {
      this.serveDue();
    } finally {
      this.serving = false;
      this.arm();
    }
  };

  private serveDue(): void {
    // a member that keeps saying "due now" cannot hold the loop: the rest waits for the next wake-up
    let budget = 4 * this.scheduled.size + 16;
    for (let entry = this.heap.peek(); entry && budget > 0; entry = this.heap.peek(), budget--) {
      const now = this.now();
      if (entry.due > now + this.tolerance) return;
      this.heap.pop();
      const current = this.scheduled.get(entry.member);
      if (current?.generation !== entry.generation) continue; // rescheduled or cancelled since
      this.scheduled.delete(entry.member);
      let next: number | undefined;
      try {
        next = entry.member.tick(now);
      } catch (error) {
        this.onError(error);
        continue;
      }
      if (next !== undefined && !this.scheduled.has(entry.member))
        this.schedule(entry.member, next);
    }
  }

  /** Drops stale heap entries and sets the timer for the earliest live one. */
  private arm(): void {
    let top = this.heap.peek();
    while (top && this.scheduled.get(top.member)?.generation !== top.generation) {
      this.heap.pop();
      top = this.heap.peek();
    }
    if (!top || this.stopped) {
      this.disarm();
      return;
    }
    if (this.timer && this.timerDue <= top.due) return;
    this.disarm();
    this.timerDue = top.due;
    this.timer = setTimeout(this.wake, Math.max(0, Math.ceil(top.due - this.now())));
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDue = Infinity;
  }
}
