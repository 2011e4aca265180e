/** A counting semaphore: at most `capacity` holders at a time. */
export class Slots {
  private held = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(readonly capacity: number) {}

  get inUse(): number {
    return this.held;
  }

  /** Resolves once a slot is free (and taken). */
  acquire(): Promise<void> {
    if (this.held < this.capacity) {
      this.held++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next)
      next(); // the slot passes to the next waiter
    else this.held--;
  }
}
