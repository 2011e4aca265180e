/**
 * Runs tasks one at a time per key (a call id), in arrival order, while tasks for
 * different keys run concurrently. Inside one process this keeps two inputs for the same
 * call from racing to the same expected version; across processes the event store's
 * optimistic concurrency still decides.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after every task queued earlier under `key`; settles as `task` does. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
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
}
