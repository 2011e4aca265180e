/**
 * Utterances cancelled before their request arrived here (a cancel races the
 * request on another path, or names one queued on another replica). Bounded:
 * the oldest are forgotten first. Pure.
 */
export class CancelMemory {
  private readonly keys = new Set<string>();

  constructor(private readonly capacity = 1_024) {}

  /** Remembers that this utterance of this call was cancelled. */
  remember(callId: string, utteranceId: string): void {
    const key = `${callId}\u0000${utteranceId}`;
    this.keys.delete(key);
    this.keys.add(key);
    for (const oldest of this.keys) {
      if (this.keys.size <= this.capacity) break;
      this.keys.delete(oldest);
    }
  }

  /** True when the utterance was cancelled; forgets it (a request is handled once). */
  take(callId: string, utteranceId: string): boolean {
    return this.keys.delete(`${callId}\u0000${utteranceId}`);
  }

  get size(): number {
    return this.keys.size;
  }
}
