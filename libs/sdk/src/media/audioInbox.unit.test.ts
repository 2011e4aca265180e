import { MediaError } from '../errors/warmlineError';
import { AudioInbox } from './audioInbox';

const chunk = (n: number, value = n) => new Uint8Array(n).fill(value);

async function readAll(iterator: AsyncIterableIterator<Uint8Array>): Promise<number[]> {
  const sizes: number[] = [];
  for await (const c of iterator) sizes.push(c.length);
  return sizes;
}

describe('AudioInbox', () => {
  it('keeps audio that arrived before the reader, then ends after the queue drains', async () => {
    const inbox = new AudioInbox(1000, 'c1', () => undefined);
    inbox.push(chunk(2));
    inbox.push(chunk(4));
    const reading = readAll(inbox.reader());
    inbox.push(chunk(6));
    inbox.end();
    inbox.push(chunk(8));
    expect(await reading).toEqual([2, 4, 6]);
  });

  it('drops the oldest audio when the reader falls behind, and says how much', () => {
    const dropped: number[] = [];
    const inbox = new AudioInbox(10, 'c1', (bytes) => dropped.push(bytes));
    inbox.push(chunk(4));
    inbox.push(chunk(4));
    inbox.push(chunk(4));
    expect(inbox.size).toBe(8);
    expect(dropped).toEqual([4]);
  });

  it('gives the reader the queued audio and then the failure', async () => {
    const inbox = new AudioInbox(100, 'c1', () => undefined);
    inbox.push(chunk(2));
    const failure = new MediaError('gone', 'c1');
    inbox.fail(failure);
    const sizes: number[] = [];
    await expect(
      (async () => {
        for await (const c of inbox.reader()) sizes.push(c.length);
      })(),
    ).rejects.toBe(failure);
    expect(sizes).toEqual([2]);
  });

  it('allows one reader at a time, and another after it stops', async () => {
    const inbox = new AudioInbox(100, 'c1', () => undefined);
    inbox.push(chunk(2));
    inbox.push(chunk(2));
    const first = inbox.reader();
    expect(() => inbox.reader()).toThrow(MediaError);
    await first.next();
    await first.return?.();
    const second = inbox.reader();
    expect((await second.next()).value).toHaveLength(2);
  });
});
