import { durationMs } from './durationMs';

describe('durationMs()', () => {
  it.each([
    ['250', 250],
    ['250ms', 250],
    ['5s', 5_000],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1.5s', 1_500],
    ['0', 0],
    ['5S', 5_000],
  ])('reads %j as %d ms', (raw, expected) => {
    expect(durationMs().parse(raw)).toBe(expected);
  });

  it.each(['5 seconds', '-5s', 's', '5d', '1e3'])('rejects %j', (raw) => {
    const result = durationMs().safeParse(raw);
    expect(result.error?.issues[0]?.message).toBe('a duration such as 250, 250ms, 5s or 2m');
  });
});
