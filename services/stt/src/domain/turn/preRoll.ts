/**
 * The last few frames before speech was detected, so the recogniser hears the
 * onset the VAD needed a few frames to confirm. A fixed ring: memory is
 * `capacity` frames per call.
 */
export class PreRoll {
  private readonly frames: (Int16Array | undefined)[];
  private next = 0;

  constructor(private readonly capacity: number) {
    this.frames = new Array<Int16Array | undefined>(capacity);
  }

  /** Remembers a frame, forgetting the oldest when full. */
  push(frame: Int16Array): void {
    if (this.capacity === 0) return;
    this.frames[this.next] = frame;
    this.next = (this.next + 1) % this.capacity;
  }

  /** The remembered frames, oldest first; empties the ring. */
  drain(): Int16Array[] {
    const out: Int16Array[] = [];
    for (let i = 0; i < this.capacity; i++) {
      const index = (this.next + i) % this.capacity;
      const frame = this.frames[index];
      if (frame) out.push(frame);
      this.frames[index] = undefined;
    }
    return out;
  }
}
