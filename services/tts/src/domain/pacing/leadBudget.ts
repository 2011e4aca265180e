/**
 * How far ahead of real time the tts service may publish a call's audio.
 *
 * The gateway plays agent frames in real time and queues what arrives early.
 * Publishing everything at once would put a whole reply in that queue, and a
 * barge-in would then depend on the gateway's clear alone; publishing strictly
 * in real time would turn every scheduling hiccup into a gap. So the publisher
 * keeps an estimate of when the gateway will have played everything published
 * so far (the playout end) and publishes the next frame only while that stays
 * within `leadMs` of now. The first `leadMs` of audio go out at once (first
 * audio is not delayed); after that, one frame per frame duration.
 *
 * The estimate runs on this process's clock from the first publish: the
 * gateway's own start-up delay adds to its queue, never to the lead. The budget
 * belongs to a call, not an utterance, so the next utterance queues behind the
 * audio still playing. Pure: every method takes the time as input.
 */
export class LeadBudget {
  private playoutEndMs = Number.NEGATIVE_INFINITY;

  constructor(
    /** Maximum audio published ahead of playback, in ms (e.g. 1000). */
    readonly leadMs: number,
    /** Duration of one frame, in ms. */
    readonly frameMs = 20,
  ) {}

  /** Audio published but (by the estimate) not yet played at `nowMs`. */
  aheadMs(nowMs: number): number {
    return Math.max(0, this.playoutEndMs - nowMs);
  }

  /**
   * How long to wait before publishing more: 0 while one more frame fits in
   * the lead; otherwise the time until `batchMs` of audio fits, so a paced
   * publisher wakes once per batch rather than once per frame (the lead then
   * stays between `leadMs - batchMs` and `leadMs`).
   */
  waitMs(nowMs: number, batchMs = this.frameMs): number {
    const ahead = this.aheadMs(nowMs);
    if (ahead + this.frameMs <= this.leadMs) return 0;
    return Math.max(0, ahead + Math.max(batchMs, this.frameMs) - this.leadMs);
  }

  /** Records `frames` frames published at `nowMs`. */
  published(nowMs: number, frames = 1): void {
    this.playoutEndMs = Math.max(this.playoutEndMs, nowMs) + frames * this.frameMs;
  }

  /** Forgets what was published (after a cancel the gateway clears its queue). */
  reset(nowMs: number): void {
    this.playoutEndMs = nowMs;
  }
}
