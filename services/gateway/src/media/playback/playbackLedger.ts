import { FRAME_MS } from '@warmline/audio';

/** What the caller heard of one utterance, reported once (the PlaybackProgress payload). */
export interface PlaybackReport {
  readonly utteranceId: string;
  readonly playedMs: number;
  readonly completed: boolean;
  readonly interrupted: boolean;
}

interface UtteranceLedger {
  /** Audio handed to the carrier, ms (whole frames). */
  sentMs: number;
  /** Audio the carrier confirmed played (its mark came back), ms. */
  heardMs: number;
  /** Exact audio length without the last frame's padding, once the pacer knows it. */
  exactMs?: number;
  /** Frames sent since the last checkpoint mark. */
  sinceMark: number;
}

interface MarkRecord {
  readonly utteranceId: string;
  readonly atMs: number;
  readonly final: boolean;
}

/** Options of a {@link PlaybackLedger}. */
export interface PlaybackLedgerOptions {
  /** A checkpoint mark after every this many frames of an utterance (default 5: 100 ms resolution). */
  markEveryFrames?: number;
  /** Prefix of mark names (default `wl`). */
  markPrefix?: string;
}

/**
 * What the caller actually heard, from the carrier's `mark` echoes. After each
 * utterance's last frame (and every few frames within it) a mark is sent; the
 * carrier echoes a mark once the audio queued before it has played. An
 * utterance is complete when its final mark comes back; on a barge-in clear it
 * is interrupted at the last checkpoint that came back (marks the carrier
 * flushes after a clear are not counted). Pure.
 */
export class PlaybackLedger {
  private readonly every: number;
  private readonly prefix: string;
  private readonly utterances = new Map<string, UtteranceLedger>();
  private readonly marks = new Map<string, MarkRecord>();
  private counter = 0;

  constructor(options: PlaybackLedgerOptions = {}) {
    this.every = options.markEveryFrames ?? 5;
    this.prefix = options.markPrefix ?? 'wl';
  }

  /** Marks sent whose echo has not come back. */
  get pendingMarks(): number {
    return this.marks.size;
  }

  /** An utterance's audio was queued (so a clear reports it even if none of it was sent). */
  queued(utteranceId: string): void {
    if (!this.utterances.has(utteranceId)) {
      this.utterances.set(utteranceId, { sentMs: 0, heardMs: 0, sinceMark: 0 });
    }
  }

  /** A frame left for the carrier; returns the name of a mark to send right after it, if one is due. */
  frameSent(utteranceId: string, endOfUtterance: boolean): string | undefined {
    this.queued(utteranceId);
    const utterance = this.utterances.get(utteranceId)!;
    utterance.sentMs += FRAME_MS;
    utterance.sinceMark++;
    if (!endOfUtterance && utterance.sinceMark < this.every) return undefined;
    utterance.sinceMark = 0;
    const name = `${this.prefix}${++this.counter}`;
    this.marks.set(name, { utteranceId, atMs: utterance.sentMs, final: endOfUtterance });
    return name;
  }

  /** The pacer's exact length of a completed utterance (its last frame's padding excluded). */
  exactLength(utteranceId: string, playedMs: number): void {
    const utterance = this.utterances.get(utteranceId);
    if (utterance) utterance.exactMs = playedMs;
  }

  /** A mark came back: the utterance's progress (completed on the final mark). Unknown names are ignored. */
  markPlayed(name: string): PlaybackReport | undefined {
    const mark = this.marks.get(name);
    if (!mark) return undefined;
    this.marks.delete(name);
    const utterance = this.utterances.get(mark.utteranceId);
    if (!utterance) return undefined;
    utterance.heardMs = Math.max(utterance.heardMs, mark.atMs);
    // A checkpoint: still playing (stt needs this to know the agent is talking, for barge-in)
    if (!mark.final)
      return {
        utteranceId: mark.utteranceId,
        playedMs: utterance.heardMs,
        completed: false,
        interrupted: false,
      };
    this.utterances.delete(mark.utteranceId);
    const playedMs = Math.min(utterance.exactMs ?? utterance.sentMs, utterance.sentMs);
    return { utteranceId: mark.utteranceId, playedMs, completed: true, interrupted: false };
  }

  /**
   * Barge-in: every utterance not yet confirmed complete is interrupted at what
   * the caller was confirmed to hear. Marks still out are forgotten, so the
   * echoes a clear flushes back are not taken as played.
   */
  cleared(): PlaybackReport[] {
    const reports = [...this.utterances].map(([utteranceId, u]) => ({
      utteranceId,
      playedMs: Math.min(u.heardMs, u.exactMs ?? u.heardMs),
      completed: false,
      interrupted: true,
    }));
    this.utterances.clear();
    this.marks.clear();
    return reports;
  }
}
