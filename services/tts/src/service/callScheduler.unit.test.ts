import { type Admission, CallScheduler, type SchedulerOptions, type Turn } from './callScheduler';

const scheduler = (overrides: Partial<SchedulerOptions> = {}) =>
  new CallScheduler({
    leadMs: 1_000,
    perCall: { maxUtterances: 3, maxTextBytes: 1_000 },
    orderPollMs: 5,
    orderWaitMaxMs: 10_000,
    oldestInStream: async () => undefined,
    now: () => performance.now(),
    ...overrides,
  });

const item = (seq: number) => ({ seq, utteranceId: `u${seq}`, textBytes: 10 });

const asTurn = (admission: Admission): Turn => {
  if (admission.kind !== 'turn') throw new Error(`expected a turn, got ${admission.kind}`);
  return admission;
};

/** Resolves with the admission if it settles before the event loop has idled a little. */
const settledSoon = async (promise: Promise<Admission>): Promise<Admission | 'pending'> =>
  Promise.race([promise, new Promise<'pending'>((r) => setTimeout(() => r('pending'), 30))]);

describe('CallScheduler', () => {
  it('speaks a call’s utterances one at a time in stream order, whatever order they arrive in', async () => {
    const calls = scheduler();
    const second = calls.admit('c1', item(2));
    const first = calls.admit('c1', item(1)); // arrives while the first look at the stream is pending
    const order: number[] = [];
    const t1 = asTurn(await first);
    order.push(1);
    expect(await settledSoon(second)).toBe('pending');
    t1.done();
    asTurn(await second).done();
    order.push(2);
    expect(order).toEqual([1, 2]);
    expect(calls.activeCalls).toBe(0);
  });

  it('runs different calls at the same time', async () => {
    const calls = scheduler();
    const [a, b] = await Promise.all([calls.admit('a', item(1)), calls.admit('b', item(2))]);
    expect([a.kind, b.kind]).toEqual(['turn', 'turn']);
    expect(calls.running).toBe(2);
  });

  it('waits while an earlier request of the call is unfinished on another replica', async () => {
    let oldest: number | undefined = 4;
    const calls = scheduler({ oldestInStream: async () => oldest });
    const admission = calls.admit('c1', item(7));
    expect(await settledSoon(admission)).toBe('pending');
    oldest = 7; // the other replica acked request 4
    expect(asTurn(await admission).outOfOrder).toBe(false);
  });

  it('starts anyway, flagged out of order, when the earlier request stays stuck too long', async () => {
    const calls = scheduler({ oldestInStream: async () => 4, orderWaitMaxMs: 20 });
    expect(asTurn(await calls.admit('c1', item(7))).outOfOrder).toBe(true);
  });

  it('cancels the utterance being spoken and drops a queued one', async () => {
    const calls = scheduler();
    const running = asTurn(await calls.admit('c1', item(1)));
    const queued = calls.admit('c1', item(2));
    expect(calls.cancel('c1', 'u2')).toBe(1);
    expect(await queued).toEqual({ kind: 'cancelled' });
    expect(running.signal.aborted).toBe(false);
    calls.cancel('c1', 'u1');
    expect(running.signal.aborted).toBe(true);
    expect(running.cause()).toBe('cancel');
  });

  it('cancels everything a call has when the cancel names no utterance (barge-in)', async () => {
    const calls = scheduler();
    const running = asTurn(await calls.admit('c1', item(1)));
    const queued = calls.admit('c1', item(2));
    const other = asTurn(await calls.admit('c2', item(3)));
    expect(calls.cancel('c1')).toBe(2);
    expect(running.signal.aborted).toBe(true);
    expect(await queued).toEqual({ kind: 'cancelled' });
    expect(other.signal.aborted).toBe(false);
  });

  it('remembers a cancel that arrives before its request', async () => {
    const calls = scheduler();
    calls.cancel('c1', 'u5');
    expect(await calls.admit('c1', item(5))).toEqual({ kind: 'cancelled' });
  });

  it('refuses a request beyond the call’s bound, without touching other calls', async () => {
    const calls = scheduler();
    const held = [
      calls.admit('c1', item(1)),
      calls.admit('c1', item(2)),
      calls.admit('c1', item(3)),
    ];
    expect(await calls.admit('c1', item(4))).toEqual({ kind: 'queue-full' });
    expect((await calls.admit('c2', item(5))).kind).toBe('turn');
    asTurn(await held[0]!).done();
  });

  it('hands queued utterances back on stop and cuts running ones only when asked', async () => {
    const calls = scheduler();
    const running = asTurn(await calls.admit('c1', item(1)));
    const queued = calls.admit('c1', item(2));
    calls.stop();
    expect(await queued).toEqual({ kind: 'stopping' });
    expect(await calls.admit('c3', item(9))).toEqual({ kind: 'stopping' });
    expect(running.signal.aborted).toBe(false);
    calls.abortRunning();
    expect(running.cause()).toBe('shutdown');
  });
});
