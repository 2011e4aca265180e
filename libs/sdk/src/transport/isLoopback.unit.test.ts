import { hostOf, isLoopbackAddress } from './isLoopback';

describe('isLoopbackAddress: plaintext by default only on this machine', () => {
  it.each([
    ['127.0.0.1:50061', true],
    ['localhost:50061', true],
    ['[::1]:50061', true],
    ['127.1.2.3:1', true],
    ['calls.example.com:443', false],
    ['10.0.0.5:50061', false],
    ['dns:///calls.example.com:443', false],
  ])('%s → %s', (address, loopback) => {
    expect(isLoopbackAddress(address)).toBe(loopback);
  });

  it('finds the host', () => {
    expect(hostOf('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(hostOf('example.com')).toBe('example.com');
  });
});
