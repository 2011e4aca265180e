import { constantTimeEqual } from './constantTimeEqual';

describe('constantTimeEqual', () => {
  it('is true only for equal strings, of any lengths', () => {
    expect(constantTimeEqual('secret-token', 'secret-token')).toBe(true);
    expect(constantTimeEqual('secret-token', 'secret-tokeN')).toBe(false);
    expect(constantTimeEqual('short', 'a much longer secret')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });
});
