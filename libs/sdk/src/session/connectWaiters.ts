interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Callers of `connect()` waiting for the session to open, each with its own timeout. When one
 * times out, `onTimeout` decides what happens to the connection and returns the error for it.
 */
export class ConnectWaiters {
  private readonly waiters = new Set<Waiter>();

  constructor(
    private readonly timeoutMs: number,
    private readonly onTimeout: () => Error,
  ) {}

  /** A promise settled by resolveAll / rejectAll. */
  add(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          const error = this.onTimeout();
          // Still waiting (the session keeps reconnecting): give up on this caller only.
          if (this.waiters.delete(waiter)) reject(error);
        }, this.timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Settles every waiter successfully. */
  resolveAll(): void {
    for (const waiter of this.take()) waiter.resolve();
  }

  /** Rejects every waiter with `error`. */
  rejectAll(error: Error): void {
    for (const waiter of this.take()) waiter.reject(error);
  }

  private take(): Waiter[] {
    const all = [...this.waiters];
    this.waiters.clear();
    for (const waiter of all) clearTimeout(waiter.timer);
    return all;
  }
}
