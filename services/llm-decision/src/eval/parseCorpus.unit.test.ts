import { CorpusError } from './corpusError';
import { parseCorpus } from './parseCorpus';

const turns = [
  { say: 'hi', expect: 'reply' },
  { say: 'operator', expect: 'escalate', reason: 'caller_asked' },
  { say: 'hello', conf: 0.4, expect: 'escalate', reason: 'caller_asked' },
];

describe('parseCorpus', () => {
  it('reads conversations with defaults', () => {
    const [c] = parseCorpus(
      { category: 'explicit', conversations: [{ id: 'a', split: 'heldout', turns }] },
      'x.yaml',
    );
    expect(c).toMatchObject({ id: 'a', category: 'explicit', split: 'heldout' });
    expect(c?.turns.map((t) => t.confidence)).toEqual([0.92, 0.92, 0.4]);
  });

  it('lists every problem', () => {
    const bad = {
      category: 'angry',
      conversations: [
        {
          id: 'b',
          split: 'train',
          turns: [
            { say: 'hi', expect: 'maybe' },
            { say: 'x', expect: 'reply', reason: 'frustration' },
          ],
        },
        { id: 'c', split: 'tune', turns: [...turns.slice(0, 2), { say: 'ok', expect: 'reply' }] },
      ],
    };
    let error: unknown;
    try {
      parseCorpus(bad, 'bad.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).problems).toEqual([
      expect.stringContaining('category'),
      expect.stringContaining('conversations[0].split'),
      expect.stringContaining('3 to 10 turns'),
      expect.stringContaining('b.turns[0].expect'),
      expect.stringContaining('b.turns[1].reason: only escalate turns'),
      'c: turns after the first escalate must be labelled escalate',
    ]);
  });
});
