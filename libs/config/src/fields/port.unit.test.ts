import { port } from './port';

describe('port()', () => {
  it.each([
    ['4222', 4222],
    ['0', 0],
    ['65535', 65535],
    [' 8080 ', 8080],
  ])('parses %j as %d', (raw, expected) => {
    expect(port().parse(raw)).toBe(expected);
  });

  it.each(['65536', '-1', '80.5', 'http', '0x50', ''])(
    'rejects %j, saying what it expects',
    (raw) => {
      const result = port().safeParse(raw);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('a TCP port number from 0 to 65535');
    },
  );

  it('takes a parsed default when the value is absent', () => {
    expect(port().default(4222).parse(undefined)).toBe(4222);
  });
});
