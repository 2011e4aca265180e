import { foldDoc, positioned } from '../test/fold.test';
import { realisticCall } from '../test/realisticCall.test';
import { createEscalationFeed } from './escalationFeed';

const phases = realisticCall('call-f', new Date('2029-06-01T10:00:00Z'));
const beforeEscalation = foldDoc(positioned(phases.conversation.slice(0, 5)));
const escalated = foldDoc(positioned(phases.conversation));

describe('createEscalationFeed', () => {
  it('passes on escalated calls once per version, and nothing else', () => {
    const feed = createEscalationFeed(() => undefined);
    const seen: number[] = [];
    feed.subscribe((doc) => seen.push(doc.positions.conversation));
    feed.offer(undefined);
    feed.offer(beforeEscalation);
    feed.offer(escalated);
    feed.offer(escalated);
    expect(seen).toEqual([escalated.positions.conversation]);
  });

  it('isolates a failing listener and stops calling one that unsubscribed', () => {
    const errors: unknown[] = [];
    const feed = createEscalationFeed((error) => errors.push(error));
    const calls: string[] = [];
    feed.subscribe(() => {
      throw new Error('boom');
    });
    const unsubscribe = feed.subscribe((doc) => calls.push(doc._id));
    feed.offer(escalated);
    unsubscribe();
    feed.offer(foldDoc(positioned([...phases.conversation, ...phases.handoff])));
    expect(calls).toEqual(['call-f']);
    expect(errors).toHaveLength(2);
    expect(feed.listenerCount).toBe(1);
  });
});
