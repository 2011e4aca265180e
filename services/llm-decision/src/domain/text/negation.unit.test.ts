import { isNegated } from './negation';
import { normalizeText } from './normalizeText';

const negatedAt = (text: string, word: string): boolean => {
  const normalized = normalizeText(text);
  return isNegated(normalized, normalized.tokens.indexOf(word));
};

describe('isNegated', () => {
  it('sees a negator earlier in the clause', () => {
    expect(negatedAt("I don't need a person", 'person')).toBe(true);
    expect(negatedAt('this is not an emergency', 'emergency')).toBe(true);
    expect(negatedAt('I never asked for a human', 'human')).toBe(true);
    expect(negatedAt('no need for a human', 'human')).toBe(true);
    expect(negatedAt('no real person', 'person')).toBe(true);
  });

  it('stops at a clause boundary', () => {
    expect(negatedAt("I don't want to wait, get me a person", 'person')).toBe(false);
    expect(negatedAt("i don't want to wait but get me a person", 'person')).toBe(false);
  });

  it('does not treat question inversion or an interjection as negation', () => {
    expect(negatedAt("why can't I talk to a person", 'person')).toBe(false);
    expect(negatedAt("no I'm all set", 'set')).toBe(false);
    expect(negatedAt('no that is everything', 'everything')).toBe(false);
  });

  it('is false without a negator', () => {
    expect(negatedAt('get me a person', 'person')).toBe(false);
  });
});
