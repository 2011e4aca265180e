import { KeyedQueue } from './keyedQueue';

const deferred = () => {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('KeyedQueue', () => {
  it('runs tasks of one key in order, one at a time', async () => {
    const queue = new KeyedQueue();
    const order: string[] = [];
    const gate = deferred();
    const first = queue.run('a', async () => {
      order.push('a1 start');
      await gate.promise;
      order.push('a1 end');
    });
    const second = queue.run('a', async () => {
      order.push('a2');
    });
    const other = queue.run('b', async () => {
      order.push('b1');
    });
    await other;
    expect(order).toEqual(['a1 start', 'b1']);
    gate.resolve();
    await Promise.all([first, second]);
    expect(order).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.activeKeys).toBe(0);
  });

  it('a failing task does not stop the next one', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('a', () => Promise.reject(new Error('boom')));
    const next = queue.run('a', async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });

  it('idle() waits for every queued task, including ones queued while waiting', async () => {
    const queue = new KeyedQueue();
    const done: string[] = [];
    void queue.run('a', async () => {
      done.push('a1');
      void queue.run('b', async () => {
        done.push('b1');
      });
    });
    await queue.idle();
    expect(done).toEqual(['a1', 'b1']);
    expect(queue.activeKeys).toBe(0);
  });
});
