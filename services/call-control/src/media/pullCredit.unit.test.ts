import { PullCredit } from './pullCredit';

const FRAME = 960; // 20 ms at 24 kHz
const TARGET = 20 * FRAME; // 400 ms

describe('PullCredit', () => {
  it('pulls the whole target at first, then nothing until a quarter has played', () => {
    const credit = new PullCredit(TARGET, FRAME);
    expect(credit.next(0)).toBe(TARGET);
    expect(credit.next(0)).toBe(0); // all of it is still outstanding
    expect(credit.take(TARGET)).toBe(true);
    expect(credit.next(TARGET - 4 * FRAME)).toBe(0); // 80 ms played: not yet
    expect(credit.next(TARGET - 5 * FRAME)).toBe(5 * FRAME); // 100 ms played: refill
  });

  it('refuses audio beyond what was pulled', () => {
    const credit = new PullCredit(TARGET, FRAME);
    credit.next(0);
    expect(credit.take(TARGET + 2)).toBe(false);
    expect(credit.pendingBytes).toBe(TARGET);
    expect(credit.take(100)).toBe(true);
    expect(credit.pendingBytes).toBe(TARGET - 100);
  });

  it('pulls whole frames only', () => {
    const credit = new PullCredit(TARGET, FRAME);
    credit.next(0);
    credit.take(TARGET);
    expect(credit.next(TARGET - 6 * FRAME - 10) % FRAME).toBe(0);
  });
});
