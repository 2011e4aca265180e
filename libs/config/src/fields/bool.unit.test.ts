import { bool } from './bool';

describe('bool()', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('reads %j as %s', (raw, expected) => {
    expect(bool().parse(raw)).toBe(expected);
  });

  it.each(['yes', 'no', 'on', '2'])('rejects %j instead of reading it as false', (raw) => {
    const result = bool().safeParse(raw);
    expect(result.error?.issues[0]?.message).toBe('true, false, 1 or 0');
  });

  it('takes a default', () => {
    expect(bool().default(false).parse(undefined)).toBe(false);
  });
});
