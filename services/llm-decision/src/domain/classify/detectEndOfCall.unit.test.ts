import { normalizeText } from '../text/normalizeText';
import { detectEndOfCall } from './detectEndOfCall';

const phrases = ["that's all", 'bye', 'all set', 'nothing else'].map(
  (p) => normalizeText(p).tokens,
);
const ends = (text: string) =>
  detectEndOfCall(normalizeText(text), phrases, text.includes('?') || text.startsWith('what'));

describe('detectEndOfCall', () => {
  it.each([
    "that's all, thanks, bye",
    'no I am all set',
    'nothing else, have a nice day',
    'ok thanks bye',
  ])('ends on "%s"', (text) => {
    expect(ends(text)).toBe(true);
  });

  it('does not end on a question or a negated phrase', () => {
    expect(ends("that's all I wanted, what are your hours?")).toBe(false);
    expect(ends('I am not all set')).toBe(false);
    expect(ends('my internet is down')).toBe(false);
  });
});
