import type { ContextDoc, SourceEvent, SourceStream } from './domain';

/** An event of a source stream with its stream sequence. */
export interface StoredSource {
  readonly source: SourceEvent;
  readonly sequence: number;
}

/** What ListEscalations and the desk ask for. Enum values are proto JSON names. */
export interface EscalationQuery {
  readonly reason?: string;
  readonly outcome?: string;
  /** Only escalations at or after this time. */
  readonly since?: Date;
  readonly callerNumber?: string;
  readonly limit: number;
}

/** The context documents. */
export interface ContextRepository {
  load(callId: string): Promise<ContextDoc | undefined>;
  /**
   * Writes `next` in one single-document operation if the stored document is still at the
   * positions of `expected`, the document as read (undefined: there is none yet). False when
   * another writer got there first: reload and retry.
   */
  save(expected: ContextDoc | undefined, next: ContextDoc): Promise<boolean>;
  /** Escalated calls, newest first. */
  listEscalations(query: EscalationQuery): Promise<ContextDoc[]>;
}

/** How far a follower has got, per stream (the checkpoint a restart resumes after). */
export interface CheckpointStore {
  load(stream: SourceStream): Promise<number>;
  /** Never moves a checkpoint backwards. */
  save(stream: SourceStream, sequence: number): Promise<void>;
  /** Forgets every checkpoint, so the next start replays the streams from the beginning. */
  reset(): Promise<void>;
}

/** The answer given to one SaveContext request, kept so a repeat gets the same answer. */
export interface SaveRecord {
  /** The request id. */
  readonly _id: string;
  readonly callId: string;
  readonly contextId: string;
  readonly version: number;
  /** The `ContextSaved` event id (its `Nats-Msg-Id`). */
  readonly eventId: string;
  readonly recordedAt: Date;
  /** Set once `ContextSaved` is stored on its stream. */
  readonly publishedSeq?: number;
  readonly expireAt?: Date;
}

/** The SaveContext requests answered. */
export interface SaveLedger {
  /** The record of `requestId`: the one stored earlier, or `record` now stored. */
  recordOnce(record: SaveRecord): Promise<SaveRecord>;
  markPublished(requestId: string, sequence: number): Promise<void>;
}

/** Reads one call's events from every source stream. */
export interface CallEventReader {
  /** The call's events on `stream` after `afterSequence`, in stream order. */
  read(stream: SourceStream, callId: string, afterSequence: number): Promise<StoredSource[]>;
}
