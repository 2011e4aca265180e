import { EventQueue } from './eventQueue';
import type { RecognitionEvent } from './recognition';

const partial = (text: string): RecognitionEvent => ({ type: 'partial', text, audioMs: 0 });
const final = (text: string): RecognitionEvent => ({
  type: 'final',
  text,
  confidence: 1,
  startMs: 0,
  endMs: 1,
  words: [],
});

const drain = async (queue: EventQueue): Promise<string[]> => {
  const seen: string[] = [];
  for await (const event of queue)
    seen.push(event.type === 'error' ? 'error' : `${event.type}:${event.text}`);
  return seen;
};

describe('EventQueue', () => {
  it('hands events to a waiting reader and completes after close', async () => {
    const queue = new EventQueue();
    const reading = drain(queue);
    queue.push(partial('a'));
    queue.push(final('a b'));
    queue.close();
    expect(await reading).toEqual(['partial:a', 'final:a b']);
  });

  it('keeps only the newest of partials a slow reader has not taken', async () => {
    const queue = new EventQueue();
    queue.push(partial('a'));
    queue.push(partial('a b'));
    queue.push(partial('a b c'));
    queue.push(final('a b c d'));
    queue.push(partial('e'));
    queue.close();
    expect(await drain(queue)).toEqual(['partial:a b c', 'final:a b c d', 'partial:e']);
  });

  it('bounds what a reader that stopped reading can pile up', async () => {
    const queue = new EventQueue(3);
    for (const text of ['1', '2', '3', '4', '5']) queue.push(final(text));
    queue.close();
    expect(queue.droppedCount).toBe(2);
    expect(await drain(queue)).toEqual(['final:3', 'final:4', 'final:5']);
  });

  it('ignores events after close', async () => {
    const queue = new EventQueue();
    queue.close();
    queue.push(final('late'));
    expect(await drain(queue)).toEqual([]);
  });
});
