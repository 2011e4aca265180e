/** Settings shared by the pure pacer and its timer driver. */
export interface PacerOptions {
  /** Sample rate of the audio being paced (8000, 16000 or 24000). */
  rate: number;
  /** Frame duration (default 20 ms). */
  frameMs?: number;
  /**
   * How far behind schedule the pacer may fall and still catch up without
   * dropping the lost time (default 60 ms). Further behind, the schedule is
   * re-anchored at the late wake-up instead of bursting to catch up.
   */
  maxLagMs?: number;
}

/** How a chunk of agent audio is queued. */
export interface EnqueueOptions {
  /** The utterance the audio belongs to; progress is reported per utterance. */
  utteranceId: string;
  /** This is the utterance's last chunk: pad its tail and report it complete once sent. */
  final?: boolean;
}

/** One frame leaving the pacer. */
export interface PacedFrame {
  samples: Int16Array;
  utteranceId: string;
  /** Frames sent by this pacer before this one. */
  seq: number;
  /** When the schedule wanted it sent (same clock as `nowMs`). */
  dueMs: number;
  /** The utterance's final frame. */
  endOfUtterance: boolean;
}

/** What the caller heard of one utterance: reported once, when it completes or is cleared. */
export interface UtteranceProgress {
  utteranceId: string;
  /** Audio sent (so played) before completion or the clear, in whole ms, padding excluded. */
  playedMs: number;
  /** Audio received for the utterance so far, in whole ms. */
  enqueuedMs: number;
  /** Every frame of the utterance was sent. */
  completed: boolean;
  /** A clear (barge-in) dropped the rest of the utterance. */
  interrupted: boolean;
}

/** What {@link OutboundPacer.clear} dropped. */
export interface ClearReport {
  droppedFrames: number;
  /** Queued audio dropped, in whole ms, padding excluded. */
  droppedMs: number;
  /** Every utterance that was cut short, with what had been played of it. */
  utterances: UtteranceProgress[];
}

/** Counters for metrics; all only ever increase. */
export interface PacerStats {
  framesSent: number;
  /** Times the queue ran dry in the middle of an utterance (audio arrived slower than real time). */
  underruns: number;
  /** Times a wake-up was later than `maxLagMs` and the schedule was re-anchored. */
  lateReanchors: number;
  /** Chunks refused because their utterance had already been cleared. */
  staleChunksDropped: number;
  clears: number;
}

/** The outcome of one {@link OutboundPacer.tick}. */
export interface PacerTick {
  /** The frame to send now, if one is due. */
  frame?: PacedFrame;
  /** Utterances that completed since the last tick (after `frame`, if it ended one). */
  progress: UtteranceProgress[];
}
