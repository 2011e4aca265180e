/**
 * Client-side accounting of pull-based flow control: the platform asks for bytes of agent
 * audio (MediaPull) and the client may send at most what was asked and not yet sent. Credit
 * adds up across pulls and survives a clear (the platform counts what it asked for the same
 * way); a new media stream starts from zero.
 */
export class PullCredit {
  private credit = 0;

  /** Bytes the platform asked for and the client has not sent yet. */
  get available(): number {
    return this.credit;
  }

  /** The platform pulled `bytes` more. */
  grant(bytes: number): void {
    if (Number.isFinite(bytes) && bytes > 0) this.credit += Math.floor(bytes);
  }

  /**
   * The size of the next chunk to send given `buffered` bytes waiting and a chunk limit:
   * the most allowed, rounded down to whole 16-bit samples (0 when nothing can go).
   */
  nextChunk(buffered: number, maxChunkBytes: number): number {
    const bytes = Math.min(this.credit, buffered, maxChunkBytes);
    return bytes - (bytes % 2);
  }

  /**
   * Records `bytes` as sent.
   *
   * @throws RangeError when that is more than was pulled (a bug in the caller)
   */
  spend(bytes: number): void {
    if (bytes > this.credit)
      throw new RangeError(`spending ${bytes} bytes with ${this.credit} pulled`);
    this.credit -= bytes;
  }

  /** Forgets all credit (a new media stream pulls afresh). */
  reset(): void {
    this.credit = 0;
  }
}
