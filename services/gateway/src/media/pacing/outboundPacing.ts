import type { ClearReport, EnqueueOptions, PacedFrame, UtteranceProgress } from '@warmline/audio';

/** A running outbound pacer: agent audio in, one frame per frame period out. */
export interface OutboundPacing {
  /** Queues audio at the pacer's rate; false when its utterance was already cleared. */
  enqueue(pcm: Int16Array, options: EnqueueOptions): boolean;
  /** Barge-in: drops everything queued at once. */
  clear(): ClearReport;
  /** Stops for good; nothing more is sent or reported. */
  stop(): void;
  /** Audio waiting, in ms. */
  readonly queuedMs: number;
}

/** What a pacer calls back with. */
export interface PacingCallbacks {
  /** A frame is due: send it now. `latenessMs` is how long after its due time it left. */
  onFrame(frame: PacedFrame, latenessMs: number): void;
  /** An utterance completed (all sent) or was cleared, as the pacer saw it. */
  onProgress(progress: UtteranceProgress): void;
}

/** Makes a pacer for one call at one rate. */
export type PacerFactory = (rate: number, callbacks: PacingCallbacks) => OutboundPacing;
