import { sampleRate } from './sampleRate';

describe('sampleRate()', () => {
  it.each([
    ['8000', 8000],
    ['16000', 16000],
    ['24000', 24000],
  ])('accepts %j', (raw, expected) => {
    expect(sampleRate().parse(raw)).toBe(expected);
  });

  it.each(['44100', '16k', '16000.0'])('rejects %j, listing the supported rates', (raw) => {
    const result = sampleRate().safeParse(raw);
    expect(result.error?.issues[0]?.message).toBe('a sample rate in Hz: 8000, 16000, 24000');
  });
});
