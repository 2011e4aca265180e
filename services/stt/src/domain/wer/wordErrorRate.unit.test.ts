import { normalizeWords } from './normalizeWords';
import { aggregateWer, wordErrorRate } from './wordErrorRate';

describe('normalizeWords', () => {
  it('lower-cases, drops punctuation and pocketsphinx markers, splits hyphens', () => {
    expect(normalizeWords("Hello, I'd like <sil> to(2) [NOISE] check-in ++BREATH++ now!")).toEqual([
      'hello',
      "i'd",
      'like',
      'to',
      'check',
      'in',
      'now',
    ]);
  });
});

describe('wordErrorRate', () => {
  it('is zero for the same words however written', () => {
    expect(
      wordErrorRate('I want to speak to a human, please.', 'i want to speak to a human please'),
    ).toMatchObject({ wer: 0, referenceWords: 8 });
  });

  it('counts substitutions, deletions and insertions of the best alignment', () => {
    // pocketsphinx on flite slt: "human" heard as "you man"
    expect(
      wordErrorRate('i want to speak to a human please', 'i want to speak to you man please'),
    ).toEqual({
      substitutions: 2,
      deletions: 0,
      insertions: 0,
      referenceWords: 8,
      wer: 2 / 8,
    });
    expect(wordErrorRate('get me an operator', 'get an operator')).toMatchObject({
      deletions: 1,
      substitutions: 0,
      wer: 0.25,
    });
    expect(wordErrorRate('no thank you', 'no no thank you there')).toMatchObject({
      insertions: 2,
      wer: 2 / 3,
    });
  });

  it('exceeds one when the hypothesis is mostly invented words', () => {
    expect(wordErrorRate('yes', 'what the what you read').wer).toBe(5);
  });

  it('treats empty texts sensibly', () => {
    expect(wordErrorRate('', '').wer).toBe(0);
    expect(wordErrorRate('hello there', '')).toMatchObject({ deletions: 2, wer: 1 });
  });

  it('aggregates over a corpus by words, not by files', () => {
    const total = aggregateWer([wordErrorRate('a b c d', 'a b c d'), wordErrorRate('e f', 'e x')]);
    expect(total).toMatchObject({ substitutions: 1, referenceWords: 6 });
    expect(total.wer).toBeCloseTo(1 / 6);
  });
});
