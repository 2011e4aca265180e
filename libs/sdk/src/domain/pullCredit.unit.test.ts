import { PullCredit } from './pullCredit';

describe('PullCredit: send at most what the platform pulled', () => {
  it('adds pulls up and spends what is sent', () => {
    const credit = new PullCredit();
    credit.grant(640);
    credit.grant(320);
    expect(credit.available).toBe(960);
    expect(credit.nextChunk(10_000, 32_768)).toBe(960);
    credit.spend(960);
    expect(credit.available).toBe(0);
    expect(credit.nextChunk(10_000, 32_768)).toBe(0);
  });

  it('sends no more than is buffered, nor more than a chunk', () => {
    const credit = new PullCredit();
    credit.grant(10_000);
    expect(credit.nextChunk(300, 32_768)).toBe(300);
    expect(credit.nextChunk(50_000, 4_096)).toBe(4_096);
  });

  it('rounds chunks down to whole samples', () => {
    const credit = new PullCredit();
    credit.grant(641);
    expect(credit.nextChunk(10_000, 32_768)).toBe(640);
    expect(credit.nextChunk(7, 32_768)).toBe(6);
  });

  it('refuses to spend more than was pulled, and forgets credit on reset', () => {
    const credit = new PullCredit();
    credit.grant(100);
    expect(() => credit.spend(102)).toThrow(RangeError);
    credit.reset();
    expect(credit.available).toBe(0);
  });

  it('ignores nonsense pulls', () => {
    const credit = new PullCredit();
    credit.grant(-5);
    credit.grant(Number.NaN);
    expect(credit.available).toBe(0);
  });
});
