import { PacerClock } from './pacerClock';

describe('PacerClock', () => {
  it('anchors on the first frame and puts frame n at anchor + n × 20 ms', () => {
    const clock = new PacerClock(20, 60);
    expect(clock.nextDueMs()).toBeUndefined();
    expect(clock.isDue(1000)).toBe(true);
    expect(clock.advance(1000)).toEqual({ dueMs: 1000, lateMs: 0, reanchored: false });
    expect(clock.nextDueMs()).toBe(1020);
    expect(clock.isDue(1019.9)).toBe(false);
  });

  it('does not let late wake-ups accumulate: the grid stays where it was', () => {
    const clock = new PacerClock(20, 60);
    clock.advance(0);
    for (let n = 1; n <= 1000; n++) {
      const wake = clock.nextDueMs()! + ((n * 7) % 13); // up to 12 ms late, every time
      const slot = clock.advance(wake);
      expect(slot.dueMs).toBe(n * 20);
      expect(slot.reanchored).toBe(false);
    }
    expect(clock.nextDueMs()).toBe(1001 * 20);
  });

  it('catches up a lag within the bound one frame per wake-up, dropping no slot', () => {
    const clock = new PacerClock(20, 60);
    clock.advance(0);
    const slots = [clock.advance(75), clock.advance(76), clock.advance(77), clock.advance(78)];
    expect(slots.map((s) => s.dueMs)).toEqual([20, 40, 60, 80]);
    expect(slots.map((s) => s.lateMs)).toEqual([55, 36, 17, -2]);
    expect(clock.nextDueMs()).toBe(100);
  });

  it('re-anchors at the wake-up when further behind than the bound', () => {
    const clock = new PacerClock(20, 60);
    clock.advance(0);
    expect(clock.advance(200)).toEqual({ dueMs: 200, lateMs: 180, reanchored: true });
    expect(clock.nextDueMs()).toBe(220);
  });

  it('forgets the schedule on reset', () => {
    const clock = new PacerClock(20, 60);
    clock.advance(0);
    clock.reset();
    expect(clock.anchored).toBe(false);
    expect(clock.advance(5000).dueMs).toBe(5000);
  });
});
