import type { PacedFrame, UtteranceProgress } from '@warmline/audio';
import { MediaClock } from '../clock/mediaClock';
import { ClockedPacer } from './clockedPacer';

describe('ClockedPacer (outbound pacing on the shared clock)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const setup = () => {
    const now = () => Date.now();
    const clock = new MediaClock({ now, toleranceMs: 0 });
    const frames: { frame: PacedFrame; at: number }[] = [];
    const progress: UtteranceProgress[] = [];
    const pacer = new ClockedPacer(
      clock,
      8000,
      {
        onFrame: (frame) => frames.push({ frame, at: now() }),
        onProgress: (p) => progress.push(p),
      },
      now,
    );
    return { clock, pacer, frames, progress, t0: now() };
  };

  it('sends one frame per 20 ms from the first one, never two at once, then reports the utterance', () => {
    const { pacer, frames, progress, t0, clock } = setup();
    pacer.enqueue(new Int16Array(8000), { utteranceId: 'u', final: true }); // one second, all at once
    jest.advanceTimersByTime(2000);
    expect(frames).toHaveLength(50);
    expect(frames.map((f) => f.at - t0)).toEqual(frames.map((_, n) => n * 20));
    expect(progress).toEqual([
      expect.objectContaining({ utteranceId: 'u', playedMs: 1000, completed: true }),
    ]);
    expect(clock.size).toBe(0);
  });

  it('clear drops the queue at once; stop ends pacing for good', () => {
    const { pacer, frames, progress, clock } = setup();
    pacer.enqueue(new Int16Array(8000), { utteranceId: 'u' });
    jest.advanceTimersByTime(100);
    const sent = frames.length;
    pacer.clear();
    jest.advanceTimersByTime(500);
    expect(frames).toHaveLength(sent);
    expect(progress).toEqual([expect.objectContaining({ utteranceId: 'u', interrupted: true })]);
    pacer.enqueue(new Int16Array(1600), { utteranceId: 'v' });
    pacer.stop();
    jest.advanceTimersByTime(500);
    expect(frames).toHaveLength(sent);
    expect(clock.size).toBe(0);
    expect(() => pacer.enqueue(new Int16Array(160), { utteranceId: 'w' })).toThrow();
  });
});
