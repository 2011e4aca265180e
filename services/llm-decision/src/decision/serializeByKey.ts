/** Runs tasks one after another per key, and tasks of different keys concurrently. */
export type KeyedSerializer = <T>(key: string, task: () => Promise<T>) => Promise<T>;

/**
 * A {@link KeyedSerializer}: a task starts when the previous task of its key settled (either
 * way). Keys with nothing queued are forgotten, so memory follows the calls in progress.
 */
export function serializeByKey(): KeyedSerializer {
  const tails = new Map<string, Promise<void>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(task);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
