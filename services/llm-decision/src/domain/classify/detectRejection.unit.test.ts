import { normalizeText } from '../text/normalizeText';
import { detectRejection } from './detectRejection';

const rejected = (text: string) => detectRejection(normalizeText(text)).rejected;

describe('detectRejection', () => {
  it.each([
    "that doesn't answer my question",
    "that's not what I asked",
    'I already did that',
    'I did that already and it is still not working',
    "it's still orange",
    'no, over the phone',
    "you're not listening",
    'I told you there is no sticker',
  ])('detects "%s"', (text) => {
    expect(rejected(text)).toBe(true);
  });

  it.each([
    'no',
    'no thanks',
    'my wifi is not working',
    'how do I reset my router',
    'I did not get a bill',
  ])('does not fire on "%s"', (text) => {
    expect(rejected(text)).toBe(false);
  });
});
