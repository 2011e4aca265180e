import { digitsToWords } from './numbersToWords';
import { normalizeText } from './normalizeText';

describe('normalizeText', () => {
  it('lower-cases, drops punctuation and expands contractions', () => {
    expect(normalizeText("I DON'T want that, it's broken!").tokens).toEqual([
      'i',
      'do',
      'not',
      'want',
      'that',
      'it',
      'is',
      'broken',
    ]);
    expect(normalizeText('I can’t, won’t, and I’m done').tokens).toEqual([
      'i',
      'can',
      'not',
      'will',
      'not',
      'and',
      'i',
      'am',
      'done',
    ]);
  });

  it('expands contractions a recogniser writes without the apostrophe, and fusions', () => {
    expect(normalizeText('i dont wanna wait im done').tokens).toEqual([
      'i',
      'do',
      'not',
      'want',
      'to',
      'wait',
      'i',
      'am',
      'done',
    ]);
  });

  it('drops possessive s but keeps "it is"', () => {
    expect(normalizeText("the modem's light, what's that").tokens).toEqual([
      'the',
      'modem',
      'light',
      'what',
      'is',
      'that',
    ]);
  });

  it('spells numbers: small ones as words, long runs digit by digit', () => {
    expect(normalizeText('call 911 in 5 minutes, $35 a month').tokens).toEqual([
      'call',
      'nine',
      'one',
      'one',
      'in',
      'five',
      'minutes',
      'thirty',
      'five',
      'a',
      'month',
    ]);
    expect(digitsToWords('21')).toBe('twenty one');
    expect(digitsToWords('40')).toBe('forty');
    expect(normalizeText('+1 900').tokens).toEqual(['plus', 'one', 'nine', 'zero', 'zero']);
  });

  it('removes fillers and bracketed non-speech tags', () => {
    expect(normalizeText('um [inaudible] uh hello <noise>').tokens).toEqual(['hello']);
    expect(normalizeText('[inaudible]').tokens).toEqual([]);
  });

  it('splits clauses on punctuation and on but/just/so', () => {
    const text = normalizeText("I don't need a person, just tell me the hours");
    const clauseOfPerson = text.clauseOf[text.tokens.indexOf('person')];
    const clauseOfTell = text.clauseOf[text.tokens.indexOf('tell')];
    expect(clauseOfPerson).not.toBe(clauseOfTell);
    const unpunctuated = normalizeText('i do not need a person just tell me the hours');
    expect(unpunctuated.clauseOf[unpunctuated.tokens.indexOf('person')]).not.toBe(
      unpunctuated.clauseOf[unpunctuated.tokens.indexOf('tell')],
    );
  });

  it('remembers a question mark', () => {
    expect(normalizeText('really?').questionMark).toBe(true);
    expect(normalizeText('really').questionMark).toBe(false);
  });
});
