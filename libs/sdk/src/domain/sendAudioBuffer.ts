import { BufferClosedError, BufferFullError } from '../errors/bufferErrors';

/**
 * The bounded buffer of outgoing (agent) audio of one call. Writes are all-or-nothing: a chunk
 * that does not fit is refused whole with {@link BufferFullError} (back-pressure); after
 * {@link close} every write fails with {@link BufferClosedError}. Memory grows with what is
 * queued, not with the capacity: chunks are kept as copied segments, read in order.
 */
export class SendAudioBuffer {
  private readonly segments: Uint8Array[] = [];
  /** Read offset into segments[0]. */
  private offset = 0;
  private length = 0;
  private closedBy: BufferClosedError | undefined;

  constructor(
    /** Most bytes the buffer holds. */
    readonly capacityBytes: number,
  ) {}

  /** Bytes queued and not yet read. */
  get size(): number {
    return this.length;
  }

  /** Whether the buffer refuses writes for good. */
  get closed(): boolean {
    return this.closedBy !== undefined;
  }

  /**
   * Queues a copy of `chunk`.
   *
   * @throws {@link BufferClosedError} after close()
   * @throws {@link BufferFullError} when the chunk does not fit (nothing is queued)
   */
  write(chunk: Uint8Array): void {
    if (this.closedBy) throw this.closedBy;
    const available = this.capacityBytes - this.length;
    if (chunk.length > available) {
      throw new BufferFullError(chunk.length, available, this.capacityBytes);
    }
    if (chunk.length === 0) return;
    this.segments.push(Uint8Array.from(chunk));
    this.length += chunk.length;
  }

  /** Removes and returns up to `maxBytes` bytes, oldest first (empty when nothing is queued). */
  read(maxBytes: number): Uint8Array {
    const total = Math.max(0, Math.min(maxBytes, this.length));
    const out = new Uint8Array(total);
    let filled = 0;
    while (filled < total) {
      const head = this.segments[0];
      if (!head) break;
      const take = Math.min(head.length - this.offset, total - filled);
      out.set(head.subarray(this.offset, this.offset + take), filled);
      filled += take;
      this.offset += take;
      if (this.offset === head.length) {
        this.segments.shift();
        this.offset = 0;
      }
    }
    this.length -= filled;
    return out;
  }

  /** Drops everything queued; returns the number of bytes dropped. */
  clear(): number {
    const dropped = this.length;
    this.segments.length = 0;
    this.offset = 0;
    this.length = 0;
    return dropped;
  }

  /** Drops everything and refuses further writes with `reason` (idempotent; the first reason stays). */
  close(reason: BufferClosedError = new BufferClosedError()): void {
    this.clear();
    this.closedBy ??= reason;
  }
}
