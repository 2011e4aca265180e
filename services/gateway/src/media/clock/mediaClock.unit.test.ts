import { type ClockMember, MediaClock } from './mediaClock';
import { MinHeap } from './minHeap';

describe('MinHeap', () => {
  it('pops entries in due order', () => {
    const heap = new MinHeap<{ due: number }>();
    for (const due of [5, 1, 9, 3, 3, 7, 0, 12, 2]) heap.push({ due });
    const out: number[] = [];
    for (let e = heap.pop(); e; e = heap.pop()) out.push(e.due);
    expect(out).toEqual([0, 1, 2, 3, 3, 5, 7, 9, 12]);
  });
});

describe('MediaClock (one timer for every member)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const member = (log: string[], name: string, period?: number, times = Infinity): ClockMember => {
    let left = times;
    return {
      tick: (now) => {
        log.push(`${name}@${now}`);
        return period === undefined || --left <= 0 ? undefined : now + period;
      },
    };
  };

  it('wakes each member at its due time, in order, with one timer', () => {
    const clock = new MediaClock({ now: () => Date.now(), toleranceMs: 0 });
    const start = Date.now();
    const log: string[] = [];
    clock.schedule(member(log, 'a', 20, 3), start + 20);
    clock.schedule(member(log, 'b', 20, 2), start + 10);
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(100);
    expect(log.map((l) => l.replace(/@(\d+)/, (_m, t: string) => `@${Number(t) - start}`))).toEqual(
      ['b@10', 'a@20', 'b@30', 'a@40', 'a@60'],
    );
    expect(clock.size).toBe(0);
    expect(clock.armed).toBe(false);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('re-schedules (the later request wins), cancels, and stops', () => {
    const clock = new MediaClock({ now: () => Date.now(), toleranceMs: 0 });
    const t0 = Date.now();
    const log: string[] = [];
    const a = member(log, 'a');
    clock.schedule(a, t0 + 50);
    clock.schedule(a, t0 + 5);
    jest.advanceTimersByTime(10);
    expect(log).toEqual([`a@${t0 + 5}`]);
    clock.schedule(a, t0 + 30);
    clock.cancel(a);
    expect(clock.armed).toBe(false);
    jest.advanceTimersByTime(50);
    expect(log).toHaveLength(1);
    clock.schedule(a, t0 + 100);
    clock.stop();
    clock.schedule(a, t0 + 110);
    jest.advanceTimersByTime(200);
    expect(log).toHaveLength(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('keeps serving the others when a member throws', () => {
    const errors: unknown[] = [];
    const clock = new MediaClock({ now: () => Date.now(), onError: (e) => errors.push(e) });
    const log: string[] = [];
    clock.schedule(
      {
        tick: () => {
          throw new Error('boom');
        },
      },
      Date.now() + 1,
    );
    clock.schedule(member(log, 'ok'), Date.now() + 2);
    jest.advanceTimersByTime(5);
    expect(errors).toHaveLength(1);
    expect(log).toHaveLength(1);
  });

  it('does not spin on a member that keeps saying "due now"', () => {
    const clock = new MediaClock({ now: () => Date.now() });
    let ticks = 0;
    const greedy: ClockMember = { tick: (now) => (++ticks > 1000 ? undefined : now) };
    clock.schedule(greedy, Date.now());
    jest.advanceTimersByTime(1);
    expect(ticks).toBeLessThan(100);
    jest.advanceTimersByTime(1000);
    expect(ticks).toBe(1001);
  });
});
