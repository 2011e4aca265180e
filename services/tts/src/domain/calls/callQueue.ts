/** What a call's queue needs to know about a waiting utterance. */
export interface QueuedUtterance {
  /** Stream sequence of the request: the order in which the call's utterances are spoken. */
  readonly seq: number;
  readonly utteranceId: string;
  /** UTF-8 size of the text, counted against the call's memory bound. */
  readonly textBytes: number;
}

/** Bounds of one call's queue (the utterance being spoken counts too). */
export interface CallQueueLimits {
  readonly maxUtterances: number;
  readonly maxTextBytes: number;
}

/**
 * One call's utterances held by this replica, spoken one at a time in stream
 * order. Bounded in count and text bytes, so a flood of requests for one call
 * stays in JetStream rather than in this process's memory. Pure.
 */
export class CallQueue<T extends QueuedUtterance> {
  private items: T[] = [];
  private bytes = 0;

  constructor(private readonly limits: CallQueueLimits) {}

  get length(): number {
    return this.items.length;
  }

  get textBytes(): number {
    return this.bytes;
  }

  /** Adds an utterance in stream order; false when the call is at its bound. */
  admit(item: T): boolean {
    if (this.items.length >= this.limits.maxUtterances) return false;
    if (this.items.length > 0 && this.bytes + item.textBytes > this.limits.maxTextBytes)
      return false;
    const at = this.items.findIndex((other) => other.seq > item.seq);
    this.items.splice(at < 0 ? this.items.length : at, 0, item);
    this.bytes += item.textBytes;
    return true;
  }

  /** The utterance to speak next: the lowest stream sequence. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** Removes one utterance; false when it was not held. */
  remove(item: T): boolean {
    const at = this.items.indexOf(item);
    if (at < 0) return false;
    this.items.splice(at, 1);
    this.bytes -= item.textBytes;
    return true;
  }

  /** Every held utterance matching `predicate` (all of them without one), in order. */
  filter(predicate: (item: T) => boolean = () => true): T[] {
    return this.items.filter(predicate);
  }
}
