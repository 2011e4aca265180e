import { findPhrase } from './findPhrase';
import { normalizeText } from './normalizeText';
import { tokenSimilarity } from './tokenSimilarity';

const find = (text: string, phrase: string, options = {}) =>
  findPhrase(normalizeText(text).tokens, phrase.split(' '), options);

describe('tokenSimilarity', () => {
  it('scores stems, small edits and sound-alikes', () => {
    expect(tokenSimilarity('cancelling', 'cancel')).toBe(1);
    expect(tokenSimilarity('pearson', 'person')).toBeCloseTo(0.85);
    expect(tokenSimilarity('pursein', 'person')).toBeCloseTo(0.8);
    expect(tokenSimilarity('cat', 'car')).toBe(0);
    expect(tokenSimilarity('table', 'person')).toBe(0);
    expect(tokenSimilarity('friday', 'fraud')).toBe(0);
  });
});

describe('findPhrase', () => {
  it('finds exact and inflected phrases with their span', () => {
    expect(find('please cancel my account now', 'cancel my account')).toEqual([
      { start: 1, end: 4, score: 1 },
    ]);
    expect(find("I'm cancelling my service", 'cancel my service')).toHaveLength(1);
  });

  it('tolerates recognition errors, including split words', () => {
    expect(find('can I talk to a real purse in', 'person')).toHaveLength(1);
    expect(find('get me a gent please', 'agent')).toHaveLength(1);
    expect(find('represent a tive', 'representative')).toHaveLength(1);
    expect(find('i want to make a complain', 'complaint')).toHaveLength(1);
  });

  it('allows a caller word between phrase words and optional articles', () => {
    expect(find('talk to an actual person', 'talk to a person')).toHaveLength(1);
    expect(find('talk to a very nice real person', 'talk to a person')).toHaveLength(0);
  });

  it('can be strict', () => {
    expect(find('talk to a purse in', 'person', { fuzzy: false })).toHaveLength(0);
    expect(find('is not working', 'that is not', { optionalWords: false })).toHaveLength(0);
  });

  it('does not match unrelated words', () => {
    expect(find('how do I reset my router', 'person')).toHaveLength(0);
  });
});
