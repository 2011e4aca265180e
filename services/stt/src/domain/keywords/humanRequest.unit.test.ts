import { CORPUS_SENTENCES } from '../../corpus/sentences';
import { matchHumanRequest } from './humanRequest';

describe('matchHumanRequest (the text rule of the keyword pass)', () => {
  it('flags every way the corpus asks for a human, and nothing else in it', () => {
    for (const sentence of CORPUS_SENTENCES) {
      expect([sentence.text, matchHumanRequest(sentence.text)]).toEqual([
        sentence.text,
        sentence.humanRequest ? 'human-request' : undefined,
      ]);
    }
  });

  it('matches what pocketsphinx actually wrote for those requests', () => {
    expect(matchHumanRequest('please transfer media representatives')).toBe('human-request');
    expect(matchHumanRequest('can i talk to real person')).toBe('human-request');
  });

  it('needs a qualifier before "person"', () => {
    expect(matchHumanRequest('i paid in person last week')).toBeUndefined();
    expect(matchHumanRequest('a live person please')).toBe('human-request');
  });
});
