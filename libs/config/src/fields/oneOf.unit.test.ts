import { oneOf } from './oneOf';

describe('oneOf()', () => {
  const level = oneOf(['debug', 'info', 'warn'] as const);

  it('accepts a listed value, typed as the union', () => {
    const parsed: 'debug' | 'info' | 'warn' = level.parse('warn');
    expect(parsed).toBe('warn');
  });

  it('rejects anything else, listing the choices', () => {
    const result = level.safeParse('verbose');
    expect(result.error?.issues[0]?.message).toBe('one of debug, info, warn');
  });

  it('is case-sensitive', () => {
    expect(level.safeParse('INFO').success).toBe(false);
  });
});
