import { url } from './url';

describe('url()', () => {
  const natsUrl = url({ protocols: ['nats:', 'tls:'] });

  it('accepts an allowed protocol and keeps the string unchanged', () => {
    expect(natsUrl.parse('nats://127.0.0.1:4222')).toBe('nats://127.0.0.1:4222');
    expect(natsUrl.parse('tls://nats.internal')).toBe('tls://nats.internal');
  });

  it('rejects another protocol, listing the allowed ones', () => {
    const result = natsUrl.safeParse('http://127.0.0.1:4222');
    expect(result.error?.issues[0]?.message).toBe('a URL with protocol nats: or tls:');
  });

  it('rejects text that is not an absolute URL', () => {
    expect(url().safeParse('127.0.0.1:4222 ').success).toBe(false);
    expect(url().safeParse('/relative/path').success).toBe(false);
  });

  it('accepts any protocol when none are given', () => {
    expect(url().parse('mongodb://127.0.0.1:27017/warmline')).toBe(
      'mongodb://127.0.0.1:27017/warmline',
    );
  });
});
