/**
 * Runs tasks one at a time per key (an aggregate id such as a call id), in arrival order,
 * while tasks for different keys run concurrently. Inside one process this keeps two inputs
 * for the same aggregate from racing to the same expected version; across processes the event
 * store's optimistic concurrency still decides. Keys with nothing queued are forgotten, so
 * memory follows the aggregates in progress.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `task` after every task queued earlier under `key` settled; settles as `task` does. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work queued or running (for tests and metrics). */
  get activeKeys(): number {
    return this.tails.size;
  }

  /** Resolves once every task queued so far has settled. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
