import { AudioFormatError } from '../errors';
import { JitterBuffer } from './jitterBuffer';
import type { JitterBufferOptions, JitterOutput } from './jitterTypes';

/** A 20 ms frame at 8 kHz whose samples all carry a marker value. */
const frame = (seq: number, marker = seq % 30000) => ({
  seq,
  samples: new Int16Array(160).fill(marker),
});
const markerOf = (out: JitterOutput): number => out.samples[0]!;

const buffer = (options: Partial<JitterBufferOptions> = {}): JitterBuffer =>
  new JitterBuffer({ rate: 8000, depthMs: 60, ...options });

describe('JitterBuffer', () => {
  it('releases in-order frames at once, adding no delay', () => {
    const jb = buffer();
    for (let seq = 10; seq < 15; seq++) {
      expect(jb.push(frame(seq))).toBe('accepted');
      expect(jb.pop(0)?.seq).toBe(seq);
    }
    expect(jb.pop(0)).toBeUndefined();
    expect(jb.stats).toMatchObject({ received: 5, released: 5, lost: 0, reordered: 0 });
  });

  it('waits for a frame that arrives out of order and releases all in sequence', () => {
    const jb = buffer();
    jb.push(frame(1));
    expect(jb.pop(0)?.seq).toBe(1);
    expect(jb.push(frame(3))).toBe('accepted');
    expect(jb.pop(20)).toBeUndefined(); // 2 is missing: wait
    expect(jb.push(frame(2))).toBe('reordered');
    expect(jb.drain(40).map((o) => [o.seq, o.kind, markerOf(o)])).toEqual([
      [2, 'audio', 2],
      [3, 'audio', 3],
    ]);
    expect(jb.stats).toMatchObject({ reordered: 1, lost: 0, concealed: 0 });
  });

  it('gives up on a missing frame after the depth and conceals it by repeating the last one', () => {
    const jb = buffer();
    jb.push(frame(1));
    jb.pop(0);
    jb.push(frame(3));
    expect(jb.pop(100)).toBeUndefined(); // the gap is first seen at 100
    expect(jb.pop(159)).toBeUndefined();
    const out = jb.drain(160);
    expect(out.map((o) => [o.seq, o.kind, markerOf(o)])).toEqual([
      [2, 'repeat', 1],
      [3, 'audio', 3],
    ]);
    expect(jb.stats).toMatchObject({ lost: 1, concealed: 1 });
  });

  it('gives up without waiting when the frames behind the gap already fill the depth', () => {
    const jb = buffer();
    jb.push(frame(1));
    jb.pop(0);
    for (const seq of [3, 4, 5]) jb.push(frame(seq));
    expect(jb.drain(0).map((o) => o.seq)).toEqual([2, 3, 4, 5]);
  });

  it('conceals with silence when configured to', () => {
    const jb = buffer({ conceal: 'silence' });
    jb.push(frame(1));
    jb.pop(0);
    jb.push(frame(3));
    jb.pop(0);
    const concealed = jb.pop(60)!;
    expect(concealed.kind).toBe('silence');
    expect(concealed.samples).toHaveLength(160);
    expect(concealed.samples.every((s) => s === 0)).toBe(true);
  });

  it('repeats at most maxRepeats times in a row, then falls back to silence', () => {
    const jb = buffer({ maxRepeats: 2 });
    jb.push(frame(1));
    jb.pop(0);
    jb.push(frame(6));
    jb.pop(0);
    expect(jb.drain(60).map((o) => o.kind)).toEqual([
      'repeat',
      'repeat',
      'silence',
      'silence',
      'audio',
    ]);
  });

  it('drops duplicates, whether still buffered or already released', () => {
    const jb = buffer();
    jb.push(frame(1));
    jb.pop(0);
    expect(jb.push(frame(1))).toBe('duplicate');
    jb.push(frame(3));
    expect(jb.push(frame(3))).toBe('duplicate');
    expect(jb.stats.duplicates).toBe(2);
  });

  it('drops a frame that arrives after it was concealed, as late', () => {
    const jb = buffer();
    jb.push(frame(1));
    jb.pop(0);
    jb.push(frame(3));
    jb.pop(0);
    jb.drain(60);
    expect(jb.push(frame(2))).toBe('late');
    expect(jb.pop(80)).toBeUndefined();
    expect(jb.stats).toMatchObject({ late: 1, lost: 1 });
  });

  it('keeps order across the 16-bit sequence wrap, even reordered there', () => {
    const jb = buffer();
    const out: JitterOutput[] = [];
    for (const seq of [65533, 65534, 0, 65535, 1, 2]) {
      jb.push(frame(seq));
      out.push(...jb.drain(0));
    }
    expect(out.map((o) => o.seq)).toEqual([65533, 65534, 65535, 0, 1, 2]);
    expect(out.map((o) => o.index)).toEqual([65533, 65534, 65535, 65536, 65537, 65538]);
    expect(jb.stats).toMatchObject({ lost: 0, reordered: 1 });
  });

  it('skips a long gap instead of concealing it frame by frame', () => {
    const jb = buffer({ maxConcealFrames: 25 });
    jb.push(frame(1));
    jb.pop(0);
    jb.push(frame(101));
    expect(jb.pop(0)).toBeUndefined();
    const out = jb.drain(60);
    expect(out.map((o) => [o.seq, o.kind])).toEqual([[101, 'audio']]);
    expect(jb.stats).toMatchObject({ lost: 99, concealed: 0, resyncs: 1 });
  });

  it('follows a sender that restarts its numbering lower', () => {
    const jb = buffer({ restartAfterLate: 3 });
    for (let seq = 5000; seq < 5005; seq++) jb.push(frame(seq));
    jb.drain(0);
    expect(jb.push(frame(10))).toBe('late');
    expect(jb.push(frame(11))).toBe('late');
    expect(jb.push(frame(12))).toBe('accepted');
    expect(jb.push(frame(13))).toBe('accepted');
    expect(jb.drain(0).map((o) => o.seq)).toEqual([12, 13]);
    expect(jb.stats.resyncs).toBe(1);
  });

  it('treats an empty buffer as an underrun: nothing released, nothing lost', () => {
    const jb = buffer();
    expect(jb.pop(0)).toBeUndefined();
    jb.push(frame(1));
    jb.pop(0);
    expect(jb.pop(1000)).toBeUndefined();
    expect(jb.stats.lost).toBe(0);
  });

  it('starts from the lowest number when the first frames arrive swapped', () => {
    const jb = buffer();
    jb.push(frame(8));
    jb.push(frame(7));
    expect(jb.drain(0).map((o) => o.seq)).toEqual([7, 8]);
  });

  describe('when the first frames arrive out of order and are popped as they come', () => {
    it('without an initial hold it anchors on the first arrival and loses the frame before it', () => {
      const jb = buffer();
      jb.push(frame(2));
      expect(jb.drain(0).map((o) => o.seq)).toEqual([2]);
      expect(jb.push(frame(1))).toBe('late'); // the defect the initial hold fixes
      expect(jb.drain(5)).toEqual([]);
    });

    it('with an initial hold it waits for the earlier frame and releases both in order', () => {
      const jb = buffer({ initialHoldMs: 60 });
      jb.push(frame(2));
      expect(jb.drain(0)).toEqual([]);
      expect(jb.push(frame(1))).toBe('reordered');
      expect(jb.drain(20)).toEqual([]); // 0 might still come: nothing says 1 is the first
      expect(jb.drain(60).map((o) => [o.seq, o.kind])).toEqual([
        [1, 'audio'],
        [2, 'audio'],
      ]);
      expect(jb.push(frame(3))).toBe('accepted');
      expect(jb.pop(61)?.seq).toBe(3); // after the start, in-order frames leave at once
      expect(jb.stats).toMatchObject({ received: 3, released: 3, lost: 0, late: 0 });
    });

    it('holds no longer than initialHoldMs, then anchors on the lowest frame it has', () => {
      const jb = buffer({ initialHoldMs: 40 });
      jb.push(frame(3));
      expect(jb.drain(0)).toEqual([]);
      expect(jb.drain(39)).toEqual([]);
      expect(jb.drain(40).map((o) => o.seq)).toEqual([3]);
    });

    it('stops holding once the frames held cover the hold', () => {
      const jb = buffer({ initialHoldMs: 40 });
      for (const seq of [4, 5]) jb.push(frame(seq));
      expect(jb.drain(0)).toEqual([]);
      jb.push(frame(6));
      expect(jb.drain(1).map((o) => o.seq)).toEqual([4, 5, 6]);
    });

    it('releases a first arrival numbered firstSequence at once', () => {
      const jb = buffer({ initialHoldMs: 60, firstSequence: 1 });
      jb.push(frame(1));
      expect(jb.pop(0)?.seq).toBe(1);
    });

    it('never holds longer than the depth', () => {
      const jb = buffer({ depthMs: 40, initialHoldMs: 500 });
      jb.push(frame(9));
      expect(jb.drain(0)).toEqual([]);
      expect(jb.drain(39)).toEqual([]);
      expect(jb.drain(40).map((o) => o.seq)).toEqual([9]);
    });
  });

  it('refuses frames beyond its capacity and empty frames', () => {
    const jb = buffer({ capacityFrames: 2 });
    jb.push(frame(1));
    jb.push(frame(2));
    expect(jb.push(frame(3))).toBe('overflow');
    expect(() => jb.push({ seq: 4, samples: new Int16Array(0) })).toThrow(AudioFormatError);
  });

  it('survives random reordering, loss and duplication: output strictly in order, one per index', () => {
    let state = 42;
    const random = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const jb = buffer();
    const out: JitterOutput[] = [];
    const inFlight: { seq: number; at: number }[] = [];
    for (let n = 0; n < 2000; n++) {
      const now = n * 20;
      if (random() > 0.05) inFlight.push({ seq: n % 65536, at: now + random() * 50 });
      if (random() < 0.02) inFlight.push({ seq: n % 65536, at: now + random() * 50 });
      inFlight.sort((a, b) => a.at - b.at);
      while (inFlight.length > 0 && inFlight[0]!.at <= now) {
        jb.push(frame(inFlight.shift()!.seq));
        out.push(...jb.drain(now));
      }
      out.push(...jb.drain(now));
    }
    const indices = out.map((o) => o.index);
    expect(indices.every((index, i) => i === 0 || index === indices[i - 1]! + 1)).toBe(true);
    const stats = jb.stats;
    expect(stats.released).toBe(out.length);
    expect(stats.received).toBe(
      stats.released - stats.concealed + stats.duplicates + stats.late + jb.buffered,
    );
    expect(stats.reordered).toBeGreaterThan(0);
  });
});
