/**
 * The end of a client's life, as one promise: resolved by close(), rejected by a permanent
 * failure. Marked handled, so a client nobody awaits never causes an unhandled rejection.
 */
export class Finished {
  /** Settles when the client is done. */
  readonly promise: Promise<void>;
  private settle!: { resolve: () => void; reject: (error: Error) => void };
  private settled = false;

  constructor() {
    this.promise = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    this.promise.catch(() => undefined);
  }

  /** The client closed normally. */
  resolve(): void {
    if (this.settled) return;
    this.settled = true;
    this.settle.resolve();
  }

  /** The client stopped because of `error`. */
  reject(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.settle.reject(error);
  }
}
