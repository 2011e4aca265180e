import { ratioToDb, toneLevel } from './goertzel';
import { frameEnergyDbfs, isVoiceEnergy, rms, rmsDbfs, SILENCE_DBFS } from './level';
import { sine } from './sine';
import { zeroCrossingHz } from './zeroCrossings';

describe('toneLevel (Goertzel)', () => {
  it('measures the amplitude of a tone even off a DFT bin, within 1%', () => {
    for (const hz of [440, 1000, 1234.5, 3300]) {
      const tone = sine({ rate: 8000, hz, samples: 160, amplitude: 0.5 });
      expect(toneLevel(tone, 8000, hz)).toBeCloseTo(0.5, 2);
    }
  });

  it('suppresses a tone 300 Hz away in one 20 ms frame by more than 40 dB', () => {
    const tone = sine({ rate: 8000, hz: 1000, samples: 160, amplitude: 0.5 });
    expect(ratioToDb(toneLevel(tone, 8000, 1300) / 0.5)).toBeLessThan(-40);
    expect(ratioToDb(toneLevel(tone, 8000, 700) / 0.5)).toBeLessThan(-40);
  });

  it('reads 0 for silence and for an empty input', () => {
    expect(toneLevel(new Int16Array(160), 8000, 1000)).toBe(0);
    expect(toneLevel(new Int16Array(0), 8000, 1000)).toBe(0);
  });
});

describe('levels', () => {
  it('reads a full-scale sine at -3 dBFS and a half-scale one 6 dB lower', () => {
    const full = sine({ rate: 16000, hz: 1000, durationMs: 100, amplitude: 1 });
    const half = sine({ rate: 16000, hz: 1000, durationMs: 100, amplitude: 0.5 });
    expect(rmsDbfs(full)).toBeCloseTo(-3.01, 1);
    expect(rmsDbfs(full) - rmsDbfs(half)).toBeCloseTo(6.02, 1);
    expect(rms(full)).toBeCloseTo(32767 / Math.SQRT2, -1);
  });

  it('floors frame energy of digital silence for voice-activity gates', () => {
    expect(rmsDbfs(new Int16Array(160))).toBe(-Infinity);
    expect(frameEnergyDbfs(new Int16Array(160))).toBe(SILENCE_DBFS);
    const speechLike = sine({ rate: 8000, hz: 300, samples: 160, amplitude: 0.1 });
    const hiss = sine({ rate: 8000, hz: 300, samples: 160, amplitude: 0.001 });
    expect(isVoiceEnergy(speechLike)).toBe(true);
    expect(isVoiceEnergy(hiss)).toBe(false);
  });
});

describe('sine and zeroCrossingHz', () => {
  it('generates the asked length and frequency', () => {
    const tone = sine({ rate: 24000, hz: 997, durationMs: 500, amplitude: 0.3 });
    expect(tone).toHaveLength(12000);
    expect(zeroCrossingHz(tone, 24000)).toBeCloseTo(997, 1);
    expect(Math.max(...tone)).toBeLessThanOrEqual(Math.round(0.3 * 32767));
  });

  it('finds no frequency in silence', () => {
    expect(zeroCrossingHz(new Int16Array(100), 8000)).toBe(0);
  });
});
