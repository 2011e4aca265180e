import { containsPartial, matchesError } from './errorMatcher';

class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: string,
    readonly data: { callId: string; tags: string[] },
  ) {
    super(`domain error ${code}`);
  }
}

describe('containsPartial', () => {
  it('checks only the expected fields, at any depth', () => {
    const actual = { code: 'X', data: { callId: 'c1', at: new Date(0), tags: ['a', 'b'] } };
    expect(containsPartial(actual, { code: 'X' })).toBe(true);
    expect(containsPartial(actual, { data: { callId: 'c1' } })).toBe(true);
    expect(containsPartial(actual, { data: { at: new Date(0) } })).toBe(true);
    expect(containsPartial(actual, { data: { callId: 'c2' } })).toBe(false);
    expect(containsPartial(actual, { missing: undefined, code: 'X' })).toBe(true);
    expect(containsPartial(actual, { data: { tags: ['a'] } })).toBe(false);
    expect(containsPartial(actual, { data: { tags: ['a', 'b'] } })).toBe(true);
    expect(containsPartial('NOT_PENDING', 'NOT_PENDING')).toBe(true);
    expect(containsPartial(null, { code: 'X' })).toBe(false);
  });
});

describe('matchesError', () => {
  const error = new DomainError('INVALID_STATE', { callId: 'c1', tags: [] });

  it('matches a class, a RegExp on the message, a predicate and a partial object', () => {
    expect(matchesError(error, DomainError)).toBe(true);
    expect(matchesError(error, Error)).toBe(true);
    expect(matchesError(error, TypeError)).toBe(false);
    expect(matchesError(error, /INVALID_STATE/g)).toBe(true);
    expect(matchesError(error, /INVALID_STATE/g)).toBe(true); // no lastIndex carried over
    expect(matchesError(error, /OTHER/)).toBe(false);
    expect(matchesError(error, (e) => e.code === 'INVALID_STATE')).toBe(true);
    expect(matchesError(error, (e) => e.code === 'OTHER')).toBe(false);
    expect(matchesError(error, { code: 'INVALID_STATE', data: { callId: 'c1' } })).toBe(true);
    expect(
      matchesError(error, { name: 'DomainError', message: 'domain error INVALID_STATE' }),
    ).toBe(true);
    expect(matchesError(error, { code: 'OTHER' })).toBe(false);
  });

  it('treats a predicate that returns nothing as passed, and lets its assertion errors through', () => {
    expect(matchesError(error, () => undefined)).toBe(true);
    expect(() =>
      matchesError(error, () => {
        throw new Error('inner assertion');
      }),
    ).toThrow('inner assertion');
  });
});
