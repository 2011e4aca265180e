import { metaphone } from './metaphone';

describe('metaphone', () => {
  it('gives sound-alike words the same key', () => {
    expect(metaphone('person')).toBe('PRSN');
    expect(metaphone('pearson')).toBe(metaphone('person'));
    expect(metaphone('pursein')).toBe(metaphone('person'));
    expect(metaphone('representedof')).toBe(metaphone('representative'));
    expect(metaphone('smith')).toBe(metaphone('smyth'));
  });

  it('applies the classic rules', () => {
    expect(metaphone('knight')).toBe('NT');
    expect(metaphone('phone')).toBe('FN');
    expect(metaphone('thumb')).toBe('0M');
    expect(metaphone('nation')).toBe('NXN');
    expect(metaphone('agent')).toBe('AJNT');
    expect(metaphone('xavier')).toBe('SFR');
  });

  it('keeps different words apart', () => {
    expect(metaphone('human')).not.toBe(metaphone('woman'));
    expect(metaphone('agent')).not.toBe(metaphone('urgent'));
  });

  it('ignores non-letters and handles the empty string', () => {
    expect(metaphone("o'neil")).toBe(metaphone('oneil'));
    expect(metaphone('')).toBe('');
  });
});
