import { FrameChunker } from '../framing/frameChunker';
import { samplesToMs } from '../format/sampleRate';
import type { ClearReport, EnqueueOptions, UtteranceProgress } from './pacerTypes';

/** A frame waiting to be sent. */
export interface QueuedFrame {
  samples: Int16Array;
  utteranceId: string;
  /** Real audio in the frame (the rest is silence padding). */
  audioSamples: number;
  last: boolean;
}

interface Utterance {
  id: string;
  sentSamples: number;
  enqueuedSamples: number;
  /** Frames of it still in the queue. */
  queuedFrames: number;
}

const REMEMBERED_CLEARS = 32;

/**
 * Agent audio waiting to leave, cut into exact frames and accounted per
 * utterance: how much of each was sent, when each completed, and what a clear
 * cut short. Utterances are sequential: audio for a new utterance ends the
 * previous one. Chunks of an utterance that was cleared are refused, so a TTS
 * stream still running after a barge-in cannot resume it.
 */
export class UtteranceQueue {
  private readonly chunker: FrameChunker;
  private frames: QueuedFrame[] = [];
  private head = 0;
  private open: Utterance | undefined;
  private readonly live = new Map<string, Utterance>();
  private readonly cleared: string[] = [];
  private completed: UtteranceProgress[] = [];

  constructor(
    readonly rate: number,
    frameMs: number,
  ) {
    this.chunker = new FrameChunker(rate, frameMs);
  }

  /** Frames waiting. */
  get length(): number {
    return this.frames.length - this.head;
  }

  /** An utterance is still receiving audio (no `final` chunk yet). */
  get midUtterance(): boolean {
    return this.open !== undefined;
  }

  /** Completion reports not yet taken. */
  get hasProgress(): boolean {
    return this.completed.length > 0;
  }

  /** Queues a chunk; returns false when its utterance was cleared and the chunk is dropped. */
  add(samples: Int16Array, { utteranceId, final = false }: EnqueueOptions): boolean {
    if (this.cleared.includes(utteranceId)) return false;
    if (this.open && this.open.id !== utteranceId) this.endOpen();
    let utterance = this.live.get(utteranceId);
    if (!utterance) {
      utterance = { id: utteranceId, sentSamples: 0, enqueuedSamples: 0, queuedFrames: 0 };
      this.live.set(utteranceId, utterance);
    }
    this.open = utterance;
    utterance.enqueuedSamples += samples.length;
    for (const frame of this.chunker.push(samples)) this.append(utterance, frame, frame.length);
    if (final) this.endOpen();
    return true;
  }

  /** Takes the next frame to send. */
  shift(): QueuedFrame | undefined {
    if (this.head >= this.frames.length) return undefined;
    const frame = this.frames[this.head++]!;
    if (this.head > 256 && this.head * 2 > this.frames.length) {
      this.frames = this.frames.slice(this.head);
      this.head = 0;
    }
    const utterance = this.live.get(frame.utteranceId)!;
    utterance.sentSamples += frame.audioSamples;
    utterance.queuedFrames--;
    if (frame.last) this.complete(utterance);
    return frame;
  }

  /** Completion reports since the last call. */
  takeProgress(): UtteranceProgress[] {
    const out = this.completed;
    this.completed = [];
    return out;
  }

  /** Drops everything queued; reports each utterance cut short. */
  clear(): ClearReport {
    let droppedSamples = this.chunker.clear();
    const droppedFrames = this.length;
    for (let i = this.head; i < this.frames.length; i++)
      droppedSamples += this.frames[i]!.audioSamples;
    const utterances = [...this.live.values()].map((u) => this.report(u, false));
    for (const u of this.live.values()) this.remember(u.id);
    this.live.clear();
    this.open = undefined;
    this.frames = [];
    this.head = 0;
    return {
      droppedFrames,
      droppedMs: Math.round(samplesToMs(droppedSamples, this.rate)),
      utterances,
    };
  }

  private append(utterance: Utterance, samples: Int16Array, audioSamples: number): void {
    this.frames.push({ samples, utteranceId: utterance.id, audioSamples, last: false });
    utterance.queuedFrames++;
  }

  private endOpen(): void {
    const utterance = this.open!;
    this.open = undefined;
    const remainder = this.chunker.pendingSamples;
    const padded = this.chunker.flush();
    if (padded) this.append(utterance, padded, remainder);
    if (utterance.queuedFrames > 0) this.frames[this.frames.length - 1]!.last = true;
    else this.complete(utterance);
  }

  private complete(utterance: Utterance): void {
    this.live.delete(utterance.id);
    this.completed.push(this.report(utterance, true));
  }

  private report(u: Utterance, completed: boolean): UtteranceProgress {
    return {
      utteranceId: u.id,
      playedMs: Math.round(samplesToMs(u.sentSamples, this.rate)),
      enqueuedMs: Math.round(samplesToMs(u.enqueuedSamples, this.rate)),
      completed,
      interrupted: !completed,
    };
  }

  private remember(id: string): void {
    this.cleared.push(id);
    if (this.cleared.length > REMEMBERED_CLEARS) this.cleared.shift();
  }
}
