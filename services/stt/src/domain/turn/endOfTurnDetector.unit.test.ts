import { concat, frames, mix, noise, silence, syllables } from '../../testSupport/signals';
import { EnergyVad } from '../vad/energyVad';
import type { VadTransition } from '../vad/energyVad';
import { EndOfTurnDetector, type TurnSignal } from './endOfTurnDetector';

const start = (atMs: number): VadTransition => ({ type: 'speech-start', atMs });
const end = (atMs: number): VadTransition => ({ type: 'speech-end', atMs });

/** Feeds frame ends every 20 ms from `fromMs` to `toMs`, with transitions at given frame ends. */
const run = (
  detector: EndOfTurnDetector,
  toMs: number,
  at: Record<number, VadTransition> = {},
): [number, TurnSignal][] => {
  const out: [number, TurnSignal][] = [];
  for (let now = 20; now <= toMs; now += 20) {
    const signal = detector.update(now, at[now]);
    if (signal) out.push([now, signal]);
  }
  return out;
};

describe('EndOfTurnDetector', () => {
  it('ends the turn once the caller has been silent for the threshold, not before', () => {
    const signals = run(new EndOfTurnDetector({ endSilenceMs: 700 }), 3000, {
      560: start(500),
      1700: end(1500),
    });
    expect(signals).toEqual([
      [560, { type: 'turn-started', startMs: 500 }],
      [2200, { type: 'turn-ended', startMs: 500, endMs: 1500, speechMs: 1000, reason: 'silence' }],
    ]);
  });

  it('keeps one turn across a pause shorter than the threshold', () => {
    const signals = run(new EndOfTurnDetector({ endSilenceMs: 700 }), 4000, {
      100: start(40),
      1200: end(1000),
      1500: start(1440),
      2400: end(2200),
    });
    expect(signals.map(([, s]) => s)).toEqual([
      { type: 'turn-started', startMs: 40 },
      { type: 'turn-ended', startMs: 40, endMs: 2200, speechMs: 960 + 760, reason: 'silence' },
    ]);
  });

  it('discards a turn with less speech than the minimum (a cough)', () => {
    const signals = run(new EndOfTurnDetector({ minSpeechMs: 200 }), 2000, {
      160: start(100),
      440: end(240),
    });
    expect(signals.map(([, s]) => s.type)).toEqual(['turn-started', 'turn-discarded']);
  });

  it('ends a turn that runs past the maximum length', () => {
    const signals = run(new EndOfTurnDetector({ maxTurnMs: 1000 }), 3000, { 60: start(0) });
    expect(signals.map(([, s]) => s)).toEqual([
      { type: 'turn-started', startMs: 0 },
      { type: 'turn-ended', startMs: 0, endMs: 1000, speechMs: 1000, reason: 'max-length' },
    ]);
  });

  it('with the VAD: ends a spoken turn after the caller stops, over line noise', () => {
    const speech = concat(silence(600), syllables(8, -22), silence(1500));
    const signal = mix(noise(speech.length / 16, -58, 5), speech);
    const vad = new EnergyVad();
    const detector = new EndOfTurnDetector({ endSilenceMs: 700 });
    const out: [number, TurnSignal][] = [];
    frames(signal).forEach((frame, i) => {
      const decision = vad.push(frame, i * 20);
      const turn = detector.update((i + 1) * 20, decision.transition);
      if (turn) out.push([(i + 1) * 20, turn]);
    });
    const speechEndMs = 600 + 8 * 240 - 60;
    expect(out).toEqual([
      [660, { type: 'turn-started', startMs: 600 }],
      [
        speechEndMs + 700,
        expect.objectContaining({
          type: 'turn-ended',
          startMs: 600,
          endMs: speechEndMs,
          reason: 'silence',
        }),
      ],
    ]);
  });
});
