import type { RecognitionEvent } from './recognition';

/**
 * The bounded event buffer behind {@link RecognitionStream.events}: a single
 * reader pulls; the engine pushes without waiting. Memory is bounded because a
 * newer partial replaces a partial the reader has not taken yet, and finals are
 * capped at `maxFinals` (oldest dropped) for a reader that has stopped reading.
 */
export class EventQueue implements AsyncIterable<RecognitionEvent> {
  private readonly items: RecognitionEvent[] = [];
  private waiter: ((result: IteratorResult<RecognitionEvent>) => void) | undefined;
  private closed = false;
  private dropped = 0;

  constructor(private readonly maxFinals = 32) {}

  /** Events dropped to keep the bound (stale partials not counted). */
  get droppedCount(): number {
    return this.dropped;
  }

  /** True once {@link close} was called; later pushes are ignored. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Adds an event (ignored after close). */
  push(event: RecognitionEvent): void {
    if (this.closed) return;
    if (this.waiter) {
      const resolve = this.waiter;
      this.waiter = undefined;
      resolve({ value: event, done: false });
      return;
    }
    const last = this.items[this.items.length - 1];
    if (event.type === 'partial' && last?.type === 'partial') {
      this.items[this.items.length - 1] = event;
      return;
    }
    this.items.push(event);
    if (this.items.length > this.maxFinals) {
      const index = this.items.findIndex((item) => item.type !== 'error');
      this.items.splice(Math.max(0, index), 1);
      this.dropped += 1;
    }
  }

  /** No more events: the reader gets what is buffered, then completes. */
  close(): void {
    this.closed = true;
    if (this.waiter && this.items.length === 0) {
      const resolve = this.waiter;
      this.waiter = undefined;
      resolve({ value: undefined, done: true });
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<RecognitionEvent> {
    return {
      next: (): Promise<IteratorResult<RecognitionEvent>> => {
        const item = this.items.shift();
        if (item) return Promise.resolve({ value: item, done: false });
        if (this.closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => {
          this.waiter = resolve;
        });
      },
      return: (): Promise<IteratorResult<RecognitionEvent>> => {
        this.items.length = 0;
        this.closed = true;
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
