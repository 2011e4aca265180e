import { PacerStoppedError } from '../errors';
import { PacerDriver } from './pacerDriver';
import type { PacedFrame, UtteranceProgress } from './pacerTypes';

const frames = (count: number, value: number): Int16Array =>
  new Int16Array(160 * count).fill(value);

describe('PacerDriver (real timers; checks order and clear, never durations)', () => {
  const drivers: PacerDriver[] = [];
  afterEach(() => drivers.splice(0).forEach((d) => d.stop()));

  const start = (): { driver: PacerDriver; sent: PacedFrame[]; progress: UtteranceProgress[] } => {
    const sent: PacedFrame[] = [];
    const progress: UtteranceProgress[] = [];
    const driver = new PacerDriver({
      rate: 8000,
      onFrame: (f) => sent.push(f),
      onProgress: (p) => progress.push(p),
    });
    drivers.push(driver);
    return { driver, sent, progress };
  };

  const until = (check: () => boolean): Promise<void> =>
    new Promise((resolve) => {
      const poll = (): void => (check() ? resolve() : void setTimeout(poll, 5));
      poll();
    });

  it('sends every frame in order and reports each utterance after its last frame', async () => {
    const { driver, sent, progress } = start();
    driver.enqueue(frames(3, 1), { utteranceId: 'a', final: true });
    driver.enqueue(frames(2, 2), { utteranceId: 'b', final: true });
    await until(() => progress.length === 2);
    expect(sent.map((f) => [f.seq, f.utteranceId, f.samples[0]])).toEqual([
      [0, 'a', 1],
      [1, 'a', 1],
      [2, 'a', 1],
      [3, 'b', 2],
      [4, 'b', 2],
    ]);
    expect(progress.map((p) => [p.utteranceId, p.playedMs, p.completed])).toEqual([
      ['a', 60, true],
      ['b', 40, true],
    ]);
  });

  it('clear() stops the audio at once and reports what was played of the cut utterance', async () => {
    const { driver, sent, progress } = start();
    driver.enqueue(frames(50, 3), { utteranceId: 'long' });
    await until(() => sent.length >= 2);
    const report = driver.clear();
    const sentAtClear = sent.length;
    expect(report.droppedFrames + sentAtClear).toBe(50);
    expect(report.utterances).toEqual([
      {
        utteranceId: 'long',
        playedMs: sentAtClear * 20,
        enqueuedMs: 1000,
        completed: false,
        interrupted: true,
      },
    ]);
    expect(progress).toEqual(report.utterances);
    expect(driver.enqueue(frames(5, 3), { utteranceId: 'long' })).toBe(false);
    driver.enqueue(frames(1, 4), { utteranceId: 'next', final: true });
    await until(() => progress.length === 2);
    expect(sent.slice(sentAtClear).map((f) => f.utteranceId)).toEqual(['next']);
  });

  it('refuses audio after stop()', () => {
    const { driver } = start();
    driver.stop();
    expect(() => driver.enqueue(frames(1, 0), { utteranceId: 'x' })).toThrow(PacerStoppedError);
  });
});
