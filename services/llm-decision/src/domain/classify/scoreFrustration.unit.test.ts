import { normalizeText } from '../text/normalizeText';
import { type FrustrationContext, scoreFrustration } from './scoreFrustration';

const calm: FrustrationContext = {
  previousBad: false,
  negativeStreak: 0,
  repeated: false,
  rejected: false,
};
const score = (text: string, context: Partial<FrustrationContext> = {}) =>
  scoreFrustration(text, normalizeText(text), { ...calm, ...context });

describe('scoreFrustration', () => {
  it('scores lexicon words and phrases', () => {
    expect(score('this is ridiculous').score).toBe(2);
    expect(score("I'm sick and tired of this").cues).toContain('sick and tired');
    expect(score('my internet is slow').score).toBe(0);
  });

  it('boosts with intensifiers', () => {
    expect(score('this is absolutely ridiculous').score).toBe(3);
  });

  it('combines cues sublinearly and counts a repeated cue once', () => {
    expect(score('useless. that is useless').score).toBe(2);
    expect(score('ridiculous and useless').score).toBe(3);
  });

  it('handles negation both ways', () => {
    expect(score('not bad at all').score).toBeLessThan(0);
    expect(score('that was not helpful').score).toBeGreaterThan(1);
    expect(score('I am not angry, just curious').negative).toBe(false);
  });

  it('calms on thanks and politeness', () => {
    const polite = score('thank you, that was really helpful');
    expect(polite.score).toBeLessThan(0);
    expect(polite.negative).toBe(false);
  });

  it('reads sarcasm after a bad turn, not after a good one', () => {
    expect(score('oh great, really helpful', { previousBad: true }).cues).toContain('sarcasm');
    expect(score('oh great, really helpful', { previousBad: true }).score).toBeGreaterThan(1);
    expect(score('oh great, really helpful').score).toBeLessThan(0);
  });

  it('adds ALL CAPS and exclamation marks', () => {
    expect(score('WHERE IS MY TECHNICIAN').score).toBe(1);
    expect(score('where is my technician!!!').score).toBeCloseTo(0.9);
    expect(score('HUMAN').score).toBe(0);
  });

  it('reads "come on" as an interjection only at the start of a clause', () => {
    expect(score('oh come on, really').cues).toContain('come on');
    expect(score('can a technician come on friday').score).toBe(0);
  });

  it('counts "five times"', () => {
    expect(score("I've called five times").cues).toContain('many times');
  });

  it('adds rejections, repeated negatives across turns and repetition', () => {
    const rejected = score('that does not help', { rejected: true });
    expect(rejected.score).toBe(0.5);
    expect(rejected.negative).toBe(true);
    expect(score('that does not help', { rejected: true, negativeStreak: 2 }).score).toBeCloseTo(
      1.1,
    );
    expect(score('when is my bill due', { repeated: true }).score).toBeCloseTo(0.3);
  });
});
