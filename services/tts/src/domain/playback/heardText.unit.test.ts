import { heardTextOf } from './heardText';

describe('heardTextOf', () => {
  const text = 'Thanks for calling. How can I help you today?';

  it('is the whole text when the utterance played to the end', () => {
    expect(heardTextOf(` ${text} `, 100, 4_000, true)).toBe(text);
  });

  it('is the words that fit in the played share when it was cut short', () => {
    expect(heardTextOf(text, 2_000, 4_000, false)).toBe('Thanks for calling.');
    expect(heardTextOf(text, 3_900, 4_000, false)).toBe('Thanks for calling. How can I help you');
  });

  it('is empty when nothing played or the length is unknown', () => {
    expect(heardTextOf(text, 0, 4_000, false)).toBe('');
    expect(heardTextOf(text, 500, 0, false)).toBe('');
  });
});
