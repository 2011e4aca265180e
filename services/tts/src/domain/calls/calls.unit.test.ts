import { CancelMemory } from './cancelMemory';
import { CallQueue, type QueuedUtterance } from './callQueue';
import { decideStart } from './orderGate';

const item = (seq: number, textBytes = 10): QueuedUtterance => ({
  seq,
  utteranceId: `u${seq}`,
  textBytes,
});

describe('CallQueue', () => {
  it('hands out utterances in stream order whatever order they arrived in', () => {
    const queue = new CallQueue({ maxUtterances: 5, maxTextBytes: 1_000 });
    for (const seq of [7, 3, 5]) queue.admit(item(seq));
    const order: number[] = [];
    for (let next = queue.peek(); next; next = queue.peek()) {
      order.push(next.seq);
      queue.remove(next);
    }
    expect(order).toEqual([3, 5, 7]);
  });

  it('refuses utterances beyond its count and text-byte bounds', () => {
    const queue = new CallQueue({ maxUtterances: 2, maxTextBytes: 25 });
    expect(queue.admit(item(1, 20))).toBe(true);
    expect(queue.admit(item(2, 20))).toBe(false); // 40 bytes > 25
    expect(queue.admit(item(3, 5))).toBe(true);
    expect(queue.admit(item(4, 1))).toBe(false); // 2 utterances already
    expect([queue.length, queue.textBytes]).toEqual([2, 25]);
  });

  it('always admits one utterance, however long its text, so no request starves', () => {
    const queue = new CallQueue({ maxUtterances: 2, maxTextBytes: 25 });
    expect(queue.admit(item(1, 500))).toBe(true);
  });
});

describe('decideStart', () => {
  const facts = { seq: 10, waitedMs: 0, maxWaitMs: 1_000 };

  it('starts when no earlier request of the call is left in the work queue', () => {
    expect(decideStart({ ...facts, oldestInStream: 10 })).toBe('start');
    expect(decideStart({ ...facts, oldestInStream: undefined })).toBe('start');
  });

  it('waits while an earlier request is unfinished, up to the bound', () => {
    expect(decideStart({ ...facts, oldestInStream: 8 })).toBe('wait');
    expect(decideStart({ ...facts, oldestInStream: 8, waitedMs: 1_000 })).toBe(
      'start-out-of-order',
    );
  });
});

describe('CancelMemory', () => {
  it('answers once per remembered utterance and forgets the oldest beyond its capacity', () => {
    const memory = new CancelMemory(2);
    memory.remember('c', 'u1');
    memory.remember('c', 'u2');
    memory.remember('c', 'u3');
    expect([memory.take('c', 'u1'), memory.take('c', 'u3'), memory.take('c', 'u3')]).toEqual([
      false,
      true,
      false,
    ]);
    expect(memory.take('other', 'u2')).toBe(false);
  });
});
