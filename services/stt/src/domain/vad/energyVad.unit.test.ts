import { concat, frames, mix, noise, silence, syllables, tone } from '../../testSupport/signals';
import { EnergyVad, type VadTransition } from './energyVad';

const transitions = (samples: Int16Array, vad = new EnergyVad()): VadTransition[] =>
  frames(samples).flatMap((frame, i) => {
    const decision = vad.push(frame, i * 20);
    return decision.transition ? [decision.transition] : [];
  });

describe('EnergyVad', () => {
  it('finds a burst of speech over quiet line noise, with its onset and its end', () => {
    const signal = mix(noise(3000, -60), concat(silence(1000), syllables(5, -20), silence(1000)));
    expect(transitions(signal)).toEqual([
      { type: 'speech-start', atMs: 1000 },
      { type: 'speech-end', atMs: 1000 + 5 * 240 - 60 },
    ]);
  });

  it('ignores a click shorter than the start debounce', () => {
    const signal = mix(noise(2000, -60), concat(silence(1000), tone(40, -10), silence(960)));
    expect(transitions(signal)).toEqual([]);
  });

  it('bridges a pause shorter than the hangover and ends after a longer one', () => {
    const signal = mix(
      noise(4000, -60),
      concat(
        silence(500),
        tone(600, -20),
        silence(140),
        tone(600, -20),
        silence(400),
        tone(500, -20),
        silence(1260),
      ),
    );
    expect(transitions(signal).map((t) => `${t.type}@${t.atMs}`)).toEqual([
      'speech-start@500',
      'speech-end@1840',
      'speech-start@2240',
      'speech-end@2740',
    ]);
  });

  it('learns a step in steady noise as the new floor instead of calling it speech for ever', () => {
    const vad = new EnergyVad();
    const loudNoise = noise(6000, -38, 7);
    const before = transitions(concat(silence(1000), loudNoise.subarray(0, 3 * 16000)), vad);
    // the step may open a segment of "speech"; it must close within the floor window (2 s) plus the rise
    expect(before.length % 2).toBe(0);
    const speechEnd = before.find((t) => t.type === 'speech-end');
    if (speechEnd) expect(speechEnd.atMs).toBeLessThanOrEqual(1000 + 2500);
    expect(vad.noiseFloorDbfs).toBeGreaterThan(-45);
    // and speech over that noise is still found
    const after = mix(
      loudNoise.subarray(3 * 16000),
      concat(silence(500), syllables(6, -15), silence(1100)),
    );
    const found = transitions(after, vad);
    expect(found.map((t) => t.type)).toEqual(['speech-start', 'speech-end']);
  });

  it('does not take quiet noise for speech however long it lasts', () => {
    expect(transitions(noise(10_000, -55, 3))).toEqual([]);
  });
});
