type Queued =
  | { readonly kind: 'media'; readonly samples: Int16Array }
  | { readonly kind: 'mark'; readonly name: string };

/** What the simulated carrier does with what it plays. */
export interface PlayoutSink {
  /** A frame was played to the caller. */
  played(samples: Int16Array): void;
  /** The audio before this mark has played (or a clear flushed it): echo it. */
  markReached(name: string): void;
}

const FRAME_MS = 20;

/**
 * A carrier's outbound playout, simulated: media the gateway sends is queued
 * and played one frame per 20 ms on an anchored schedule; a mark is echoed
 * when playout reaches it; `clear` drops the media not yet played and echoes
 * the marks still queued at once, as Twilio and Telnyx document.
 * In `immediate` mode everything plays on arrival.
 */
export class Playout {
  private readonly queue: Queued[] = [];
  private timer: NodeJS.Timeout | undefined;
  private anchorMs = 0;
  private ticks = 0;
  private stopped = false;

  constructor(
    private readonly mode: 'realtime' | 'immediate',
    private readonly sink: PlayoutSink,
    private readonly now: () => number,
  ) {}

  /** Frames waiting to play. */
  get pendingFrames(): number {
    return this.queue.filter((q) => q.kind === 'media').length;
  }

  media(samples: Int16Array): void {
    if (this.stopped) return;
    this.queue.push({ kind: 'media', samples });
    this.pump();
  }

  mark(name: string): void {
    if (this.stopped) return;
    this.queue.push({ kind: 'mark', name });
    this.pump();
  }

  /** Drops unplayed media; echoes the queued marks. */
  clear(): void {
    const marks = this.queue.filter(
      (q): q is Extract<Queued, { kind: 'mark' }> => q.kind === 'mark',
    );
    this.queue.length = 0;
    for (const mark of marks) this.sink.markReached(mark.name);
  }

  /** Stops the playout clock for good. */
  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private pump(): void {
    if (this.mode === 'immediate') {
      while (this.queue.length > 0) this.playHead();
      return;
    }
    if (this.timer) return; // playing: marks wait for the audio before them
    this.releaseMarks();
    if (this.queue.length === 0) return;
    this.anchorMs = this.now();
    this.ticks = 0;
    this.tick();
  }

  private readonly tick = (): void => {
    this.timer = undefined;
    if (this.stopped) return;
    this.releaseMarks();
    if (this.queue.length === 0) return; // idle until more arrives (re-anchors then)
    this.playHead();
    this.ticks++;
    const due = this.anchorMs + this.ticks * FRAME_MS;
    this.timer = setTimeout(this.tick, Math.max(0, due - this.now()));
  };

  private releaseMarks(): void {
    while (this.queue[0]?.kind === 'mark') this.playHead();
  }

  private playHead(): void {
    const head = this.queue.shift();
    if (!head) return;
    if (head.kind === 'media') this.sink.played(head.samples);
    else this.sink.markReached(head.name);
  }
}
