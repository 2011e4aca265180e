import { KeyedQueue } from './keyedQueue';

const deferred = () => {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

describe('KeyedQueue', () => {
  it('runs the tasks of one key one after the other, in order', async () => {
    const queue = new KeyedQueue();
    const gate = deferred();
    const order: string[] = [];
    const first = queue.run('call-1', async () => {
      await gate.opened;
      order.push('first');
    });
    const second = queue.run('call-1', async () => {
      order.push('second');
    });
    await Promise.resolve();
    expect(order).toEqual([]);
    gate.open();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
  });

  it('lets another key run while one key waits', async () => {
    const queue = new KeyedQueue();
    const gate = deferred();
    const blocked = queue.run('call-1', () => gate.opened);
    await queue.run('call-2', async () => 'done');
    gate.open();
    await blocked;
  });

  it('a failed task rejects its own promise and does not stop the next one', async () => {
    const queue = new KeyedQueue();
    const failing = queue.run('call-1', () => Promise.reject(new Error('boom')));
    const next = queue.run('call-1', async () => 'ran');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
    await queue.idle();
  });
});
