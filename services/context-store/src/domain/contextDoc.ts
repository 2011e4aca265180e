/**
 * The stored shape of one call's context (one MongoDB document per call, `_id` = call id).
 * Every field is folded from the event log, so the document can be rebuilt from it; fields
 * written by one source stream are never written by another, which makes the fold independent
 * of how the three streams interleave (a rebuild equals the live document).
 */

/** The event streams the projection folds, by their role. */
export type SourceStream = 'call' | 'conversation' | 'escalation';

/** All source streams, in the order used to break ties between simultaneous events. */
export const SOURCE_STREAMS: readonly SourceStream[] = ['call', 'conversation', 'escalation'];

/** Highest stream sequence folded in, per source stream (0 = none yet). */
export type Positions = Readonly<Record<SourceStream, number>>;

/**
 * Ids of the events folded in, per source stream, oldest first (at most
 * `MAX_EVENT_IDS_PER_STREAM` each, the most recent kept).
 */
export type EventIds = Readonly<Record<SourceStream, readonly string[]>>;

/** Where the callee leg stands. */
export type ConnectStatus = 'requested' | 'ringing' | 'connected' | 'failed';

/** Facts from the call aggregate (CALL_EVENTS only). Enum values are proto JSON names. */
export interface CallFacts {
  readonly callerNumber: string;
  readonly calleeNumber: string;
  readonly connectorId: string;
  readonly transport: string;
  readonly handler: string;
  readonly state: string;
  readonly startedAt?: Date;
  readonly answeredAt?: Date;
  readonly endedAt?: Date;
  readonly terminationReason?: string;
  readonly agentMode?: string;
  readonly connect?: CalleeLeg;
}

/** The latest attempt to ring the callee (the human). */
export interface CalleeLeg {
  readonly status: ConnectStatus;
  readonly calleeLegId: string;
  readonly requestedAt: Date;
  readonly ringingAt?: Date;
  readonly connectedAt?: Date;
  readonly errorCode?: string;
  /** What travelled with the callee leg (for example the context id header). */
  readonly handoffData: Readonly<Record<string, string>>;
}

/** Who spoke a turn. */
export type TurnSpeaker = 'caller' | 'agent';

/** One turn of the conversation (CONVERSATION_EVENTS only). Text is redacted before storage. */
export interface TurnRecord {
  readonly turnId: string;
  readonly speaker: TurnSpeaker;
  readonly text: string;
  readonly at: Date;
  readonly startMs: number;
  readonly endMs: number;
  readonly confidence: number;
  /** Agent turns: the utterance that carried the reply. */
  readonly utteranceId?: string;
  readonly inReplyToTurnId?: string;
  /** Agent turns: a safe fallback line was used because the model was slow or failing. */
  readonly fallback?: boolean;
  /** Agent speech the platform played outside a reply (a transition line, a briefing). */
  readonly announcement?: boolean;
  /** Agent turns: what the caller actually heard, once playback reported it. */
  readonly playback?: Playback;
}

/** What the caller heard of an agent utterance. */
export interface Playback {
  readonly heardText: string;
  readonly playedMs: number;
  readonly totalMs: number;
  readonly interrupted: boolean;
}

/** One line of the call's timeline: no transcript text, no phone numbers. */
export interface TimelineRecord {
  readonly at: Date;
  readonly kind: string;
  readonly detail: string;
  readonly source: SourceStream;
  /** Stream sequence of the event, the tie-breaker that makes the order total. */
  readonly seq: number;
}

/** The latest `EscalationRequested` from the conversation. */
export interface EscalationRequest {
  readonly reason: string;
  readonly detail: string;
  readonly summary: string;
  readonly turnId: string;
  readonly at: Date;
  /** When the first request of this call arrived (a call may escalate again later). */
  readonly firstAt: Date;
}

/** The escalation saga as its own stream tells it (ESCALATION_EVENTS only). */
export interface SagaFacts {
  readonly reason: string;
  readonly detail: string;
  readonly summary: string;
  readonly callerNumber: string;
  readonly startedAt?: Date;
  readonly step: string;
  /** The side effects the saga issued, by step (an utterance id for a briefing, say). */
  readonly steps: readonly SagaStep[];
  readonly outcome?: string;
  readonly outcomeDetail?: string;
  readonly finishedAt?: Date;
}

/** A step the saga entered. */
export interface SagaStep {
  readonly step: string;
  readonly effectId: string;
  readonly at: Date;
}

/** A voicemail the caller left. */
export interface VoicemailRecord {
  readonly recordingId: string;
  readonly durationMs: number;
  readonly transcript: string;
  readonly at: Date;
}

/** The MongoDB document of one call. */
export interface ContextDoc {
  /** The call id; also the context id handed to the human. */
  readonly _id: string;
  readonly positions: Positions;
  /**
   * The event ids already folded in: the same event stored again at a new position (a producer
   * retrying after JetStream's duplicate window) only moves the position.
   */
  readonly eventIds: EventIds;
  readonly call: CallFacts;
  readonly turns: readonly TurnRecord[];
  readonly timeline: readonly TimelineRecord[];
  readonly request?: EscalationRequest;
  readonly saga?: SagaFacts;
  readonly voicemail?: VoicemailRecord;
  readonly hangupRequestedAt?: Date;
  /** Latest `occurred_at` of any event folded in. */
  readonly lastEventAt: Date;
  /** Derived: when the call first asked for a human (set only for escalations). */
  readonly escalatedAt?: Date;
  /** Derived: the escalation reason (the conversation's, else the saga's). */
  readonly escalationReason?: string;
  /** Derived: the saga's outcome, when it finished. */
  readonly outcome?: string;
  /** Derived: when retention removes the document (absent when retention is off). */
  readonly expireAt?: Date;
}
