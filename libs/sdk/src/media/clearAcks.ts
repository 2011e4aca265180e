interface PendingClear {
  readonly resolve: (bytesDropped: number | undefined) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Clears sent to the platform and waiting for their MediaCleared, first in first out. A clear
 * that gets no answer in time, or whose stream was lost, settles with `undefined`.
 */
export class ClearAcks {
  private readonly pending: PendingClear[] = [];

  constructor(private readonly timeoutMs: number) {}

  /** Waits for the next acknowledgement. */
  wait(): Promise<number | undefined> {
    return new Promise((resolve) => {
      const entry: PendingClear = {
        resolve,
        timer: setTimeout(() => {
          const index = this.pending.indexOf(entry);
          if (index >= 0) this.pending.splice(index, 1);
          resolve(undefined);
        }, this.timeoutMs),
      };
      this.pending.push(entry);
    });
  }

  /** The platform acknowledged the oldest clear. */
  ack(bytesDropped: number): void {
    const entry = this.pending.shift();
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.resolve(bytesDropped);
  }

  /** No acknowledgement will come (stream lost or stopped). */
  abandonAll(): void {
    for (const entry of this.pending.splice(0)) {
      clearTimeout(entry.timer);
      entry.resolve(undefined);
    }
  }
}
