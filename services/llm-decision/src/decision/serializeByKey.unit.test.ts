import { serializeByKey } from './serializeByKey';

const deferred = () => {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('serializeByKey', () => {
  it('runs tasks of one key in order, one at a time, even after a failure', async () => {
    const serialize = serializeByKey();
    const order: string[] = [];
    const gate = deferred();
    const first = serialize('call-1', async () => {
      order.push('first started');
      await gate.promise;
      order.push('first done');
      throw new Error('first failed');
    });
    const second = serialize('call-1', async () => {
      order.push('second started');
      return 2;
    });
    await Promise.resolve();
    expect(order).toEqual(['first started']);
    gate.resolve();
    await expect(first).rejects.toThrow('first failed');
    await expect(second).resolves.toBe(2);
    expect(order).toEqual(['first started', 'first done', 'second started']);
  });

  it('runs tasks of different keys concurrently', async () => {
    const serialize = serializeByKey();
    const gate = deferred();
    const started: string[] = [];
    const a = serialize('call-a', async () => {
      started.push('a');
      await gate.promise;
    });
    const b = serialize('call-b', async () => {
      started.push('b');
      await gate.promise;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a', 'b']);
    gate.resolve();
    await Promise.all([a, b]);
  });
});
