import { AudioFormatError } from '../errors';
import { OutboundPacer } from './outboundPacer';
import type { PacedFrame, UtteranceProgress } from './pacerTypes';

interface Sent {
  atMs: number;
  frame: PacedFrame;
}

/** Drives the pure pacer on a virtual clock, waking `late(n)` ms after each due time. */
const run = (
  pacer: OutboundPacer,
  fromMs: number,
  untilMs: number,
  late: (wake: number) => number = () => 0,
): { sent: Sent[]; progress: UtteranceProgress[]; endMs: number } => {
  const sent: Sent[] = [];
  const progress: UtteranceProgress[] = [];
  let now = fromMs;
  for (let wake = 0; now <= untilMs; wake++) {
    const due = pacer.nextDueMs(now);
    if (due === undefined) break;
    now = Math.max(now, due + late(wake));
    if (now > untilMs) break;
    const tick = pacer.tick(now);
    if (tick.frame) sent.push({ atMs: now, frame: tick.frame });
    progress.push(...tick.progress);
  }
  return { sent, progress, endMs: now };
};

const ms = (durationMs: number, value = 1000): Int16Array =>
  new Int16Array(durationMs * 8).fill(value);

describe('OutboundPacer (pure)', () => {
  it('sends one frame per 20 ms on an anchored grid, in order, then reports the utterance complete', () => {
    const pacer = new OutboundPacer({ rate: 8000 });
    pacer.enqueue(ms(1000), { utteranceId: 'u1', final: true });
    const { sent, progress } = run(pacer, 500, 10_000, (n) => (n * 3) % 5);
    expect(sent).toHaveLength(50);
    expect(sent.map((s) => s.frame.dueMs)).toEqual(sent.map((_, n) => 500 + n * 20));
    expect(sent.every((s, n) => s.frame.seq === n && s.frame.samples.length === 160)).toBe(true);
    expect(sent.filter((s) => s.frame.endOfUtterance).map((s) => s.frame.seq)).toEqual([49]);
    expect(progress).toEqual([
      { utteranceId: 'u1', playedMs: 1000, enqueuedMs: 1000, completed: true, interrupted: false },
    ]);
  });

  it('never sends two frames in one tick and never before their due time', () => {
    const pacer = new OutboundPacer({ rate: 8000 });
    pacer.enqueue(ms(200), { utteranceId: 'u1', final: true });
    expect(pacer.tick(0).frame?.seq).toBe(0);
    expect(pacer.tick(0).frame).toBeUndefined();
    expect(pacer.tick(19.9).frame).toBeUndefined();
    expect(pacer.tick(20).frame?.seq).toBe(1);
    expect(pacer.nextDueMs(20)).toBe(40);
  });

  it('pads a partial last frame with silence but reports only the real audio as played', () => {
    const pacer = new OutboundPacer({ rate: 16000 });
    pacer.enqueue(new Int16Array(16000 * 0.05 + 7).fill(5), { utteranceId: 'u1', final: true });
    const { sent, progress } = run(pacer, 0, 1000);
    expect(sent).toHaveLength(3);
    const last = sent[2]!.frame.samples;
    expect(
      last.subarray(0, 167).every((s) => s === 5) && last.subarray(167).every((s) => s === 0),
    ).toBe(true);
    expect(progress[0]!.playedMs).toBe(50);
  });

  it('catches up a late wake-up within the bound without dropping time, then stays on the grid', () => {
    const pacer = new OutboundPacer({ rate: 8000, maxLagMs: 60 });
    pacer.enqueue(ms(400), { utteranceId: 'u1', final: true });
    const { sent } = run(pacer, 0, 10_000, (n) => (n === 3 ? 50 : 0));
    expect(sent.map((s) => s.frame.dueMs)).toEqual(sent.map((_, n) => n * 20));
    expect(sent[3]!.atMs).toBe(110);
    expect(sent[4]!.atMs).toBe(110); // the next slot was already due: sent on the next wake-up
    expect(sent[7]!.atMs).toBe(140);
    expect(pacer.stats.lateReanchors).toBe(0);
  });

  it('re-anchors after a stall longer than the bound instead of bursting to catch up', () => {
    const pacer = new OutboundPacer({ rate: 8000, maxLagMs: 60 });
    pacer.enqueue(ms(400), { utteranceId: 'u1', final: true });
    const { sent } = run(pacer, 0, 10_000, (n) => (n === 3 ? 150 : 0));
    expect(sent[3]!.frame.dueMs).toBe(210);
    expect(sent[4]!.frame.dueMs).toBe(230);
    expect(sent).toHaveLength(20);
    expect(pacer.stats.lateReanchors).toBe(1);
  });

  it('counts an underrun when audio dries up mid-utterance and re-anchors when it resumes', () => {
    const pacer = new OutboundPacer({ rate: 8000 });
    pacer.enqueue(ms(40), { utteranceId: 'u1' });
    const first = run(pacer, 0, 1000);
    expect(first.sent).toHaveLength(2);
    expect(pacer.stats.underruns).toBe(1);
    expect(pacer.nextDueMs(1000)).toBeUndefined();
    pacer.enqueue(ms(40), { utteranceId: 'u1', final: true });
    const second = run(pacer, 1000, 2000);
    expect(second.sent.map((s) => s.frame.dueMs)).toEqual([1000, 1020]);
    expect(second.progress).toEqual([
      expect.objectContaining({ utteranceId: 'u1', playedMs: 80, completed: true }),
    ]);
  });

  it('is idle, not under-running, between utterances', () => {
    const pacer = new OutboundPacer({ rate: 8000 });
    pacer.enqueue(ms(60), { utteranceId: 'a', final: true });
    run(pacer, 0, 1000);
    expect(pacer.stats.underruns).toBe(0);
    expect(pacer.nextDueMs(1000)).toBeUndefined();
  });

  it('ends the previous utterance when audio of a new one arrives', () => {
    const pacer = new OutboundPacer({ rate: 8000 });
    pacer.enqueue(ms(30, 1), { utteranceId: 'a' });
    pacer.enqueue(ms(40, 2), { utteranceId: 'b', final: true });
    const { sent, progress } = run(pacer, 0, 1000);
    expect(sent.map((s) => [s.frame.utteranceId, s.frame.endOfUtterance])).toEqual([
      ['a', false],
      ['a', true],
      ['b', false],
      ['b', true],
    ]);
    expect(progress.map((p) => [p.utteranceId, p.playedMs, p.completed])).toEqual([
      ['a', 30, true],
      ['b', 40, true],
    ]);
  });

  it('reports an utterance whose final chunk is empty as soon as its audio has gone', () => {
    const pacer = new OutboundPacer({ rate: 8000 });
    pacer.enqueue(ms(40), { utteranceId: 'u1' });
    run(pacer, 0, 100);
    pacer.enqueue(new Int16Array(0), { utteranceId: 'u1', final: true });
    expect(pacer.nextDueMs(200)).toBe(200);
    expect(pacer.tick(200).progress).toEqual([
      expect.objectContaining({ playedMs: 40, completed: true }),
    ]);
  });

  it('clear() drops everything at once and reports what each utterance had played', () => {
    const pacer = new OutboundPacer({ rate: 8000 });
    pacer.enqueue(ms(100), { utteranceId: 'a', final: true });
    pacer.enqueue(ms(1000), { utteranceId: 'b' });
    pacer.enqueue(ms(10), { utteranceId: 'b' });
    const before = run(pacer, 0, 200);
    expect(before.sent).toHaveLength(11); // a: 5 frames, b: 6
    const report = pacer.clear();
    expect(report.droppedFrames).toBe(50 - 6);
    expect(report.droppedMs).toBe(1010 - 120);
    expect(report.utterances).toEqual([
      { utteranceId: 'b', playedMs: 120, enqueuedMs: 1010, completed: false, interrupted: true },
    ]);
    expect(pacer.queuedMs).toBe(0);
    expect(pacer.nextDueMs(300)).toBeUndefined();
  });

  it('after a clear, refuses late chunks of the cleared utterance and starts the next at once', () => {
    const pacer = new OutboundPacer({ rate: 8000 });
    pacer.enqueue(ms(100), { utteranceId: 'old' });
    run(pacer, 0, 30);
    pacer.clear();
    expect(pacer.enqueue(ms(100), { utteranceId: 'old' })).toBe(false);
    expect(pacer.enqueue(ms(40), { utteranceId: 'new', final: true })).toBe(true);
    const { sent } = run(pacer, 31, 1000);
    expect(sent.map((s) => [s.frame.utteranceId, s.frame.dueMs])).toEqual([
      ['new', 31],
      ['new', 51],
    ]);
    expect(pacer.stats).toMatchObject({ staleChunksDropped: 1, clears: 1 });
  });

  it('refuses odd byte counts and unsupported rates', () => {
    expect(() => new OutboundPacer({ rate: 22050 })).toThrow(AudioFormatError);
    expect(() =>
      new OutboundPacer({ rate: 8000 }).enqueue(new Uint8Array(3), { utteranceId: 'x' }),
    ).toThrow(AudioFormatError);
  });
});
