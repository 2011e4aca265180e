import { nonEmpty } from './nonEmpty';

describe('nonEmpty()', () => {
  it('accepts text and trims it', () => {
    expect(nonEmpty().parse('  warmline  ')).toBe('warmline');
  });

  it.each(['', '   '])('rejects %j', (raw) => {
    const result = nonEmpty().safeParse(raw);
    expect(result.error?.issues[0]?.message).toBe('a non-empty value');
  });

  it('reports a missing value with the same expectation', () => {
    const result = nonEmpty().safeParse(undefined);
    expect(result.error?.issues[0]?.message).toBe('a non-empty value');
  });
});
