/** How a frame that never arrived in time is replaced. */
export type Concealment = 'repeat' | 'silence';

/** Settings of a {@link JitterBuffer}. */
export interface JitterBufferOptions {
  /** Sample rate of the frames; sizes silence before any frame has been released. */
  rate: number;
  /** How long a missing frame is waited for before it is concealed (default 60 ms). */
  depthMs?: number;
  /** Duration of one frame (default 20 ms). */
  frameMs?: number;
  /** `repeat` the last frame (default) or play `silence` for a missing frame. */
  conceal?: Concealment;
  /** Consecutive repeats before concealment falls back to silence (default 2). */
  maxRepeats?: number;
  /** A longer gap is skipped (counted lost, not concealed), e.g. after a stream pause (default 25). */
  maxConcealFrames?: number;
  /** Where sequence numbers wrap: 65536 for RTP (default), `Infinity` for plain counters. */
  sequenceModulus?: number;
  /** This many late frames in a row mean the sender restarted its numbering (default 10). */
  restartAfterLate?: number;
  /** Frames held at most; further frames are refused as `overflow` (default 500). */
  capacityFrames?: number;
  /**
   * How long the first frames of a stream are held (counted from the first `pop` that finds
   * one) before the buffer anchors on the lowest sequence seen (default 0: anchor on the first
   * arrival). Without a hold, a stream whose first
   * frames arrive out of order (2 before 1) anchors on 2 and drops 1 as late. Keep it within
   * `depthMs`; it delays only the start of the stream, once.
   */
  initialHoldMs?: number;
  /**
   * The sequence number a sender starts at, when its protocol says so (carrier media chunks
   * count from 1): a first arrival with it anchors at once, without the initial hold.
   */
  firstSequence?: number;
}

/** One inbound frame as it came off the wire. */
export interface InboundFrame {
  /** The sender's sequence number (wrapping at `sequenceModulus`). */
  seq: number;
  samples: Int16Array;
}

/** What `push` did with a frame. */
export type PushOutcome =
  /** Stored, in order. */
  | 'accepted'
  /** Stored, though a later frame had arrived first. */
  | 'reordered'
  /** Dropped: the same sequence number is buffered or was already released. */
  | 'duplicate'
  /** Dropped: the buffer had already given up on it and concealed it. */
  | 'late'
  /** Dropped: the buffer is full (the caller is not popping). */
  | 'overflow';

/** One frame released by `pop`, in sequence order. */
export interface JitterOutput {
  /** The sender's sequence number. */
  seq: number;
  /** Unwrapped, ever-increasing index of the frame. */
  index: number;
  samples: Int16Array;
  /** `audio` as received, or how a missing frame was concealed. */
  kind: 'audio' | 'repeat' | 'silence';
}

/** Counters for metrics; all only ever increase. */
export interface JitterStats {
  received: number;
  released: number;
  /** Frames replaced by a repeat or by silence. */
  concealed: number;
  /** Frames never played from real audio: concealed plus skipped in long gaps. */
  lost: number;
  reordered: number;
  duplicates: number;
  late: number;
  overflows: number;
  /** Times the buffer jumped over a long gap or followed a sender restart. */
  resyncs: number;
}
