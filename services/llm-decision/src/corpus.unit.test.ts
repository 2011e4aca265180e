import { loadCorpus } from './adapters/corpusFiles';
import { loadProfileFileSync } from './adapters/profileFile';
import { CATEGORIES } from './eval/corpus';
import { escalationMetrics } from './eval/escalationMetrics';
import { runConversation } from './eval/runConversation';

const corpus = loadCorpus();
const profile = loadProfileFileSync();
const runs = corpus.map((c) => runConversation(profile, c));

describe('the labelled corpus', () => {
  it('is large and covers every category in both splits', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    for (const category of CATEGORIES) {
      const inCategory = corpus.filter((c) => c.category === category);
      expect(inCategory.some((c) => c.split === 'tune')).toBe(true);
      expect(inCategory.some((c) => c.split === 'heldout')).toBe(true);
    }
    expect(corpus.every((c) => c.turns.length >= 3 && c.turns.length <= 10)).toBe(true);
  });

  it('meets the issue floors on the full corpus', () => {
    const m = escalationMetrics(runs);
    expect(m.explicitRecall).toBeGreaterThanOrEqual(0.95);
    expect(m.recall).toBeGreaterThanOrEqual(0.85);
    expect(m.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('never escalates polite callers of the tuning split (held-out figures are only reported)', () => {
    const politeTune = runs.filter(
      (r) => r.conversation.category === 'polite' && r.conversation.split === 'tune',
    );
    expect(politeTune.length).toBeGreaterThan(0);
    expect(escalationMetrics(politeTune).falsePositives).toBe(0);
  });
});
