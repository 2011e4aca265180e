import { editDistance } from './editDistance';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('person', 'pearson')).toBe(1);
    expect(editDistance('complaint', 'complain')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('agnet', 'agent')).toBe(1);
  });

  it('stops early past the limit', () => {
    expect(editDistance('representative', 'cat', 2)).toBe(3);
    expect(editDistance('operator', 'operate her', 1)).toBe(2);
  });
});
