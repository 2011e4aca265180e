import { LeadBudget } from './leadBudget';

/** Publishes as fast as the budget allows from `start` until `frames` are out; returns their times. */
const drive = (budget: LeadBudget, start: number, frames: number): number[] => {
  const times: number[] = [];
  let now = start;
  while (times.length < frames) {
    now += budget.waitMs(now);
    budget.published(now);
    times.push(now);
  }
  return times;
};

describe('LeadBudget', () => {
  it('lets the first lead worth of frames out at once, then one frame per frame time', () => {
    const times = drive(new LeadBudget(100, 20), 1_000, 8);
    expect(times).toEqual([1_000, 1_000, 1_000, 1_000, 1_000, 1_020, 1_040, 1_060]);
  });

  it('never lets the published audio run more than the lead ahead of the clock', () => {
    const budget = new LeadBudget(1_000, 20);
    let now = 0;
    for (let i = 0; i < 500; i++) {
      now += budget.waitMs(now) + (i % 7 === 0 ? 3 : 0); // a late timer now and then
      budget.published(now);
      expect(budget.aheadMs(now)).toBeLessThanOrEqual(1_000);
    }
  });

  it('carries over between utterances: the next one waits behind audio still playing', () => {
    const budget = new LeadBudget(100, 20);
    drive(budget, 0, 5); // the first utterance: 100 ms queued at t=0, the whole lead
    expect(drive(budget, 0, 3)).toEqual([20, 40, 60]); // the second one plays after it
  });

  it('wakes once per batch when asked to, never exceeding the lead', () => {
    const budget = new LeadBudget(100, 20);
    drive(budget, 0, 5);
    expect(budget.waitMs(0, 60)).toBe(60); // room for three frames at t=60
    expect(budget.waitMs(60, 60)).toBe(0);
    budget.published(60, 3);
    expect(budget.aheadMs(60)).toBe(100);
  });

  it('starts from scratch after a pause longer than what was queued', () => {
    const budget = new LeadBudget(100, 20);
    drive(budget, 0, 5);
    expect(budget.waitMs(500)).toBe(0);
    expect(budget.aheadMs(500)).toBe(0);
  });

  it('forgets queued audio on reset (the gateway cleared it after a cancel)', () => {
    const budget = new LeadBudget(100, 20);
    drive(budget, 0, 5);
    expect(budget.waitMs(0)).toBeGreaterThan(0);
    budget.reset(0);
    expect(budget.waitMs(0)).toBe(0);
  });
});
