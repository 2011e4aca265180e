/**
 * Pull-based flow control for agent audio: the platform asks the client for bytes
 * (MediaPull) only while its buffer is below target, and the client sends only what was
 * asked. Pulls are whole 20 ms frames and at least a quarter of the target, so the buffer
 * stays between about 3/4 of the target and the target.
 */
export class PullCredit {
  private outstanding = 0;
  private readonly minPullBytes: number;

  constructor(
    /** Bytes the platform keeps buffered ahead of playout, at most. */
    private readonly targetBytes: number,
    /** Bytes of one 20 ms frame at the client's rate: pulls are multiples of it. */
    private readonly frameBytes: number,
  ) {
    this.minPullBytes = Math.max(frameBytes, Math.floor(targetBytes / 4 / frameBytes) * frameBytes);
  }

  /** Bytes pulled but not received yet. */
  get pendingBytes(): number {
    return this.outstanding;
  }

  /** Agent audio arrived: false, taking nothing, when it is more than was pulled. */
  take(bytes: number): boolean {
    if (bytes > this.outstanding) return false;
    this.outstanding -= bytes;
    return true;
  }

  /** The bytes to pull now, given what is buffered; 0 when the buffer is full enough. */
  next(bufferedBytes: number): number {
    const room = this.targetBytes - bufferedBytes - this.outstanding;
    const pull = Math.floor(room / this.frameBytes) * this.frameBytes;
    if (pull < this.minPullBytes) return 0;
    this.outstanding += pull;
    return pull;
  }
}
