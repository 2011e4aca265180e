import { detectRepetition, termOverlap } from './detectRepetition';

describe('termOverlap', () => {
  it('is the Jaccard similarity of the term sets', () => {
    expect(termOverlap(['bill', 'due'], ['bill', 'due'])).toBe(1);
    expect(termOverlap(['bill', 'due'], ['due'])).toBe(0.5);
    expect(termOverlap(['a'], [])).toBe(0);
  });
});

describe('detectRepetition', () => {
  it('finds a repeated question among earlier ones', () => {
    expect(detectRepetition(['bill', 'due'], ['internet password', 'bill due'])).toBe(true);
    expect(detectRepetition(['due'], ['bill due'])).toBe(true);
  });

  it('does not fire on a new question or on nothing', () => {
    expect(detectRepetition(['store', 'nearest'], ['bill due', 'pay bill'])).toBe(false);
    expect(detectRepetition([], ['bill due'])).toBe(false);
  });
});
