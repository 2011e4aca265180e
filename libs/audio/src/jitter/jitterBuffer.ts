import { AudioFormatError } from '../errors';
import { assertSampleRate, FRAME_MS, samplesPerFrame } from '../format/sampleRate';
import type {
  Concealment,
  InboundFrame,
  JitterBufferOptions,
  JitterOutput,
  JitterStats,
  PushOutcome,
} from './jitterTypes';
import { SequenceUnwrapper } from './sequenceUnwrapper';

const HISTORY = 256;
const slot = (index: number): number => ((index % HISTORY) + HISTORY) % HISTORY;

/**
 * Reorders inbound frames by sequence number and conceals the ones that never
 * come. Frames that arrive in order are released at once (no added latency);
 * a missing frame is waited for until `depthMs` has passed since the gap was
 * first seen, or until frames behind it already cover `depthMs`, and is then
 * concealed. Pure: the caller calls {@link JitterBuffer.push} per arrival and
 * {@link JitterBuffer.pop} with the current time (after each push and on its tick).
 * An empty buffer is an underrun, not a loss: `pop` returns `undefined`.
 */
export class JitterBuffer {
  private readonly depthMs: number;
  private readonly frameMs: number;
  private readonly conceal: Concealment;
  private readonly maxRepeats: number;
  private readonly maxConcealFrames: number;
  private readonly restartAfterLate: number;
  private readonly capacity: number;
  private readonly initialHoldMs: number;
  private readonly firstSequence: number | undefined;
  private readonly defaultSamples: number;
  private readonly sequence: SequenceUnwrapper;
  private readonly frames = new Map<number, Int16Array>();
  private readonly releasedRing = new Float64Array(HISTORY).fill(-1);
  private readonly counters: JitterStats = {
    received: 0,
    released: 0,
    concealed: 0,
    lost: 0,
    reordered: 0,
    duplicates: 0,
    late: 0,
    overflows: 0,
    resyncs: 0,
  };
  private next: number | undefined;
  private highest = -Infinity;
  private started = false;
  private gapSinceMs: number | undefined;
  private holdSinceMs: number | undefined;
  private last: Int16Array | undefined;
  private repeats = 0;
  private lateRun = 0;

  /** @throws {@link AudioFormatError} for an unsupported rate. */
  constructor(options: JitterBufferOptions) {
    const frameMs = options.frameMs ?? FRAME_MS;
    this.defaultSamples = samplesPerFrame(assertSampleRate(options.rate), frameMs);
    this.frameMs = frameMs;
    this.depthMs = options.depthMs ?? 60;
    this.conceal = options.conceal ?? 'repeat';
    this.maxRepeats = options.maxRepeats ?? 2;
    this.maxConcealFrames = options.maxConcealFrames ?? 25;
    this.restartAfterLate = options.restartAfterLate ?? 10;
    this.capacity = options.capacityFrames ?? 500;
    this.initialHoldMs = Math.min(options.initialHoldMs ?? 0, this.depthMs);
    this.firstSequence = options.firstSequence;
    this.sequence = new SequenceUnwrapper(options.sequenceModulus ?? 65536);
  }

  /** A snapshot of the counters. */
  get stats(): JitterStats {
    return { ...this.counters };
  }

  /** Frames currently held. */
  get buffered(): number {
    return this.frames.size;
  }

  /**
   * Offers one frame. Duplicates, late frames and overflow are dropped and counted.
   *
   * @throws {@link AudioFormatError} for an empty frame or a bad sequence number.
   */
  push(frame: InboundFrame): PushOutcome {
    if (frame.samples.length === 0) throw new AudioFormatError('empty frame', { seq: frame.seq });
    const index = this.sequence.unwrap(frame.seq);
    this.counters.received++;
    if (!this.started || index >= this.next!) return this.store(index, frame.samples);
    if (this.releasedRing[slot(index)] === index) return this.count('duplicates', 'duplicate');
    if (++this.lateRun < this.restartAfterLate) return this.count('late', 'late');
    this.followRestart();
    return this.store(this.sequence.unwrap(frame.seq), frame.samples);
  }

  /** Releases the next frame in order if it is due at `nowMs`, else `undefined`. */
  pop(nowMs: number): JitterOutput | undefined {
    if (this.next === undefined) return undefined;
    if (!this.started && this.holding(nowMs)) return undefined;
    const frame = this.frames.get(this.next);
    if (frame) return this.release(frame);
    if (this.frames.size === 0) {
      this.gapSinceMs = undefined;
      return undefined;
    }
    this.gapSinceMs ??= nowMs;
    const waited = nowMs - this.gapSinceMs >= this.depthMs;
    const covered = this.frames.size * this.frameMs >= this.depthMs;
    if (!waited && !covered) return undefined;
    const earliest = Math.min(...this.frames.keys());
    const gap = earliest - this.next;
    if (gap > this.maxConcealFrames) {
      this.counters.lost += gap;
      this.counters.resyncs++;
      this.next = earliest;
      return this.release(this.frames.get(earliest)!);
    }
    return this.concealOne();
  }

  /** Pops until nothing more is due at `nowMs`. */
  drain(nowMs: number): JitterOutput[] {
    const out: JitterOutput[] = [];
    for (let frame = this.pop(nowMs); frame; frame = this.pop(nowMs)) out.push(frame);
    return out;
  }

  /**
   * Before the first release: whether to keep waiting for a frame sent before the ones already
   * here (until `initialHoldMs` passed since the first arrival or the frames held cover it).
   */
  private holding(nowMs: number): boolean {
    if (this.initialHoldMs <= 0) return false;
    if (this.firstSequence !== undefined && this.frames.has(this.firstSequence)) return false;
    this.holdSinceMs ??= nowMs;
    const waited = nowMs - this.holdSinceMs >= this.initialHoldMs;
    const covered = this.frames.size * this.frameMs > this.initialHoldMs;
    return !waited && !covered;
  }

  private store(index: number, samples: Int16Array): PushOutcome {
    if (this.frames.has(index)) return this.count('duplicates', 'duplicate');
    if (this.frames.size >= this.capacity) return this.count('overflows', 'overflow');
    this.lateRun = 0;
    this.frames.set(index, samples);
    if (this.next === undefined || index < this.next) this.next = index;
    const reordered = index < this.highest;
    this.highest = Math.max(this.highest, index);
    return reordered ? this.count('reordered', 'reordered') : 'accepted';
  }

  /** A run of late frames: the sender restarted its numbering, so start over from its next frame. */
  private followRestart(): void {
    this.counters.resyncs++;
    this.frames.clear();
    this.releasedRing.fill(-1);
    this.sequence.reset();
    this.started = false;
    this.next = undefined;
    this.highest = -Infinity;
    this.lateRun = 0;
    this.holdSinceMs = undefined;
  }

  private release(samples: Int16Array): JitterOutput {
    const index = this.next!;
    this.frames.delete(index);
    this.releasedRing[slot(index)] = index;
    this.next = index + 1;
    this.started = true;
    this.gapSinceMs = undefined;
    this.last = samples;
    this.repeats = 0;
    this.counters.released++;
    return { seq: this.sequence.wrap(index), index, samples, kind: 'audio' };
  }

  private concealOne(): JitterOutput {
    const index = this.next!;
    this.next = index + 1;
    this.started = true;
    this.counters.concealed++;
    this.counters.lost++;
    this.counters.released++;
    const seq = this.sequence.wrap(index);
    if (this.conceal === 'repeat' && this.last && this.repeats < this.maxRepeats) {
      this.repeats++;
      return { seq, index, samples: this.last.slice(), kind: 'repeat' };
    }
    const samples = new Int16Array(this.last?.length ?? this.defaultSamples);
    return { seq, index, samples, kind: 'silence' };
  }

  private count(counter: keyof JitterStats, outcome: PushOutcome): PushOutcome {
    this.counters[counter]++;
    return outcome;
  }
}
