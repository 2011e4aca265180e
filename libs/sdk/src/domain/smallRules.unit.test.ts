import { validateSampleRate } from '../config/sampleRate';
import { InvalidArgumentError } from '../errors/warmlineError';
import { isSilent } from './heartbeatPolicy';
import { validateRingTimeSeconds } from './ringTime';

describe('validateRingTimeSeconds', () => {
  it('defaults to 60 and accepts 1..120 whole seconds', () => {
    expect(validateRingTimeSeconds()).toBe(60);
    expect(validateRingTimeSeconds(1)).toBe(1);
    expect(validateRingTimeSeconds(120)).toBe(120);
  });

  it.each([0, 121, -1, 1.5, Number.NaN])('refuses %p with a typed error', (value) => {
    expect(() => validateRingTimeSeconds(value)).toThrow(InvalidArgumentError);
  });
});

describe('isSilent', () => {
  it('allows three intervals of silence, not more', () => {
    expect(isSilent(0, 3_000, 1_000)).toBe(false);
    expect(isSilent(0, 3_001, 1_000)).toBe(true);
  });
});

describe('validateSampleRate', () => {
  it('accepts the platform rates', () => {
    expect([8000, 16000, 24000].map(validateSampleRate)).toEqual([8000, 16000, 24000]);
  });
});
