import { normalizeText } from '../text/normalizeText';
import { compileSynonyms } from './canonicalTerms';
import { buildIntentIndex } from './intentIndex';
import { matchIntent } from './matchIntent';

const intents = [
  {
    id: 'hours',
    examples: ['what are your hours', 'when are you open'],
    keywords: ['hours'],
    answer: 'Nine to five.',
  },
  {
    id: 'wifi_password',
    examples: ['what is my wifi password', 'change the wifi password'],
    keywords: ['password'],
    answer: 'On the sticker.',
  },
  {
    id: 'restart',
    examples: ['how do i restart my modem', 'the modem light is blinking'],
    keywords: [],
    answer: 'Unplug it.',
  },
];
const index = buildIntentIndex(
  intents,
  compileSynonyms({
    modem: ['router', 'box'],
    internet: ['wifi', 'wi-fi'],
    restart: ['reboot', 'reset'],
  }),
);
const match = (text: string) => matchIntent(index, normalizeText(text).tokens);

describe('matchIntent', () => {
  it('finds the closest intent by TF-IDF cosine', () => {
    expect(match('what are your opening hours')).toMatchObject({ intentId: 'hours' });
    expect(match('what are your opening hours').score).toBeGreaterThan(0.7);
  });

  it('applies synonyms', () => {
    expect(match('how do I reboot the router')).toMatchObject({ intentId: 'restart', known: 1 });
    expect(match('how do I reboot the router').score).toBeGreaterThan(0.9);
  });

  it('maps recognition errors to known words', () => {
    expect(match('what is my wifi pasword')).toMatchObject({ intentId: 'wifi_password', known: 1 });
    expect(match('i forgot my wifi pasword').known).toBeCloseTo(2 / 3);
  });

  it('scores unrelated questions low and reports their unknown words', () => {
    const mortgage = match('can you help me refinance my mortgage');
    expect(mortgage.score).toBeLessThan(0.12);
    expect(mortgage.known).toBe(0);
    expect(mortgage.terms).toEqual(['refinanc', 'mortgag']);
  });

  it('returns no intent for an utterance without content', () => {
    expect(match('ok')).toEqual({ score: 0, terms: [], known: 0 });
  });
});
