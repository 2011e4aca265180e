import {
  buildSummary,
  type ContextDoc,
  enumWords,
  outcomeLabel,
  reasonLabel,
  stateLabel,
  timelineLabel,
  type TurnRecord,
  versionOf,
} from '../domain';

/** One turn as the desk shows it. */
export interface DeskTurn {
  readonly speaker: 'caller' | 'agent';
  readonly text: string;
  /** Agent turns: the part the caller heard, when playback reported it. */
  readonly heardText?: string;
  readonly interrupted: boolean;
  /** Spoken by the platform outside a reply (the transition line). */
  readonly announcement: boolean;
  /** The briefing only the human heard (whisper). */
  readonly calleeOnly: boolean;
  readonly at: string;
  /** Time since the call started. */
  readonly offsetMs: number;
}

/** A line of the timeline. */
export interface DeskTimelineEntry {
  readonly at: string;
  readonly offsetMs: number;
  readonly label: string;
  readonly detail: string;
}

/** Where the summary came from. */
export type SummarySource = 'saga' | 'ai' | 'generated';

/** The list entry of one escalation. */
export interface DeskListItem {
  readonly callId: string;
  readonly callerNumber: string;
  readonly reasonCode: string;
  readonly reason: string;
  readonly escalatedAt: string;
  readonly status: string;
  /** The human's phone is ringing now: the moment for the screen pop. */
  readonly ringing: boolean;
  readonly version: number;
}

/** Everything the desk shows about one escalated call. */
export interface DeskContext extends DeskListItem {
  readonly contextId: string;
  readonly calleeNumber: string;
  readonly connectorId: string;
  readonly state: string;
  readonly detail: string;
  readonly summary: string;
  readonly summarySource: SummarySource;
  readonly outcome: string;
  readonly step: string;
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly turns: readonly DeskTurn[];
  readonly timeline: readonly DeskTimelineEntry[];
  readonly voicemailTranscript: string;
}

const startOf = (doc: ContextDoc): number =>
  (doc.call.startedAt ?? doc.timeline[0]?.at ?? doc.lastEventAt).getTime();

/** "Phone ringing", "Human on the call", "Transferred to a person": the line a list entry shows. */
const statusOf = (doc: ContextDoc): string => {
  const outcome = outcomeLabel(doc.outcome);
  if (outcome) return outcome;
  switch (doc.call.connect?.status) {
    case 'ringing':
      return 'Phone ringing';
    case 'connected':
      return 'Human on the call';
    case 'failed':
      return 'Human not reached';
    case 'requested':
      return 'Dialling';
    case undefined:
      return doc.saga ? 'Handoff in progress' : 'Escalation requested';
  }
};

const summarySourceOf = (doc: ContextDoc): SummarySource =>
  doc.saga?.summary ? 'saga' : doc.request?.summary ? 'ai' : 'generated';

const briefings = (doc: ContextDoc): Set<string> =>
  new Set(
    (doc.saga?.steps ?? [])
      .filter((s) => s.step === 'ESCALATION_STEP_BRIEFING')
      .map((s) => s.effectId),
  );

const toTurn = (turn: TurnRecord, startMs: number, calleeOnly: Set<string>): DeskTurn => ({
  speaker: turn.speaker,
  text: turn.text,
  ...(turn.playback ? { heardText: turn.playback.heardText } : {}),
  interrupted: turn.playback?.interrupted ?? false,
  announcement: turn.announcement ?? false,
  calleeOnly: turn.utteranceId !== undefined && calleeOnly.has(turn.utteranceId),
  at: turn.at.toISOString(),
  offsetMs: Math.max(0, turn.at.getTime() - startMs),
});

/** Enum names in timeline details as words: `ESCALATION_REASON_FRUSTRATION` → `Caller is frustrated`. */
const readableDetail = (detail: string): string => {
  const reason = reasonLabel(detail);
  if (reason) return reason;
  const outcome = outcomeLabel(detail);
  if (outcome) return outcome;
  const match = /^(TERMINATION_REASON|AGENT_MODE|TRANSPORT)_/.exec(detail);
  return match ? enumWords(detail, match[0]) : detail;
};

/** The list entry of an escalated call. */
export const toDeskListItem = (doc: ContextDoc): DeskListItem => ({
  callId: doc._id,
  callerNumber: doc.call.callerNumber || doc.saga?.callerNumber || '',
  reasonCode: doc.escalationReason ?? '',
  reason: reasonLabel(doc.escalationReason) || 'Escalated',
  escalatedAt: (doc.escalatedAt ?? doc.lastEventAt).toISOString(),
  status: statusOf(doc),
  ringing: doc.call.connect?.status === 'ringing' && !doc.outcome,
  version: versionOf(doc.positions),
});

/** The desk's view of a call: labels for people, times relative to the call's start. */
export const toDeskContext = (doc: ContextDoc): DeskContext => {
  const startMs = startOf(doc);
  const calleeOnly = briefings(doc);
  return {
    ...toDeskListItem(doc),
    contextId: doc._id,
    calleeNumber: doc.call.calleeNumber,
    connectorId: doc.call.connectorId,
    state: stateLabel(doc.call.state),
    detail: doc.request?.detail || doc.saga?.detail || '',
    summary: doc.saga?.summary || doc.request?.summary || buildSummary(doc),
    summarySource: summarySourceOf(doc),
    outcome: outcomeLabel(doc.outcome),
    step: doc.saga ? enumWords(doc.saga.step, 'ESCALATION_STEP_') : '',
    ...(doc.call.startedAt ? { startedAt: doc.call.startedAt.toISOString() } : {}),
    ...(doc.call.endedAt ? { endedAt: doc.call.endedAt.toISOString() } : {}),
    turns: doc.turns.map((turn) => toTurn(turn, startMs, calleeOnly)),
    timeline: doc.timeline.map((entry) => ({
      at: entry.at.toISOString(),
      offsetMs: Math.max(0, entry.at.getTime() - startMs),
      label: timelineLabel(entry.kind),
      detail:
        entry.kind === 'escalation.step'
          ? enumWords(entry.detail, 'ESCALATION_STEP_')
          : readableDetail(entry.detail),
    })),
    voicemailTranscript: doc.voicemail?.transcript ?? '',
  };
};
